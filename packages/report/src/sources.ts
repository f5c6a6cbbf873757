import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { InputFileError, readDocument } from '@peakpath/node';
import type { ReportSources, SourceDocument } from './types.ts';

/**
 * The documents of a report, gathered from files or from a workspace's stored documents. Either way
 * each keeps its provenance (path or id, version, hash), and references are followed as the other
 * commands follow them: a plan's `pathway:`, a pathway's `inventory:`.
 */

const sha256 = (bytes: Uint8Array | string): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** A path as the report prints it: relative to the working folder when inside it, with `/` separators. */
function shownPath(file: string, cwd: string): string {
  const inside = relative(cwd, file);
  const shown = inside.startsWith('..') || inside === '' ? file : inside;
  return shown.split(sep).join('/');
}

async function fileDocument(file: string, kind: SourceDocument['kind'], cwd: string): Promise<SourceDocument> {
  const body = await readDocument(file);
  // The hash is of the bytes read: the exact file a figure was computed from.
  const bytes = await readFile(file);
  return { kind, id: shownPath(file, cwd), name: basename(file), version: null, hash: sha256(bytes), body };
}

function reference(document: SourceDocument, field: 'inventory' | 'pathway' | 'plan'): string {
  const body = document.body;
  const value = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>)[field] : undefined;
  if (typeof value !== 'string' || value.length === 0) {
    throw new InputFileError(`${document.id}: \`${field}:\` names no file (a report follows it to the ${field}) / \`${field}:\` 未指明文件（报告需据此找到${field === 'inventory' ? '清单' : field === 'pathway' ? '路径' : '行动方案'}文件）`);
  }
  return value;
}

/**
 * From a tracking, pathway or plan file: a tracking's `plan:` (or `pathway:`, or `inventory:`), the plan's
 * `pathway:`, the pathway's `inventory:`, each relative to the file naming it. An inventory file alone
 * makes a report of the inventory. `more` adds inventories of other years (files) for the trends.
 */
export async function sourcesFromFile(file: string, more: readonly string[] = [], cwd = process.cwd()): Promise<ReportSources> {
  const path = resolve(cwd, file);
  const first = await readDocument(path);
  let kind = documentKind(first);
  let at = path;
  let trackingDocument: SourceDocument | undefined;
  if (kind === 'tracking') {
    trackingDocument = await fileDocument(path, 'tracking', cwd);
    const named = (['plan', 'pathway', 'inventory'] as const).find((field) => typeof (first as Record<string, unknown>)[field] === 'string');
    if (!named) throw new InputFileError(`${trackingDocument.id}: a report follows the tracking's \`plan:\`, \`pathway:\` or \`inventory:\` to its other documents; it names none / 报告需经跟踪文件的 \`plan:\`、\`pathway:\` 或 \`inventory:\` 找到其他文件，但均未指明`);
    at = resolve(dirname(path), reference(trackingDocument, named));
    kind = named;
  }
  const extra = await Promise.all(more.map((other) => fileDocument(resolve(cwd, other), 'inventory', cwd)));
  if (kind === 'inventory') return { inventories: [await fileDocument(at, 'inventory', cwd), ...extra], trackingDocument };
  const plan = kind === 'plan' ? await fileDocument(at, 'plan', cwd) : undefined;
  const pathwayFile = plan ? resolve(dirname(at), reference(plan, 'pathway')) : at;
  const pathway = await fileDocument(pathwayFile, 'pathway', cwd);
  const inventory = await fileDocument(resolve(dirname(pathwayFile), reference(pathway, 'inventory')), 'inventory', cwd);
  return { inventories: [inventory, ...extra.filter((other) => other.id !== inventory.id)], pathway: { ...pathway, inventory: inventory.id }, plan, trackingDocument };
}

/** A tracking has `indicators` (its targets name them), `hazards`, `practices` or `cooperation`; a plan names its `pathway`, a pathway its `inventory`; an inventory has `activities`. */
function documentKind(body: unknown): 'inventory' | 'pathway' | 'plan' | 'tracking' {
  const record = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  if (['indicators', 'hazards', 'practices', 'cooperation'].some((field) => field in record)) return 'tracking';
  if ('pathway' in record) return 'plan';
  if ('inventory' in record) return 'pathway';
  if ('activities' in record) return 'inventory';
  throw new InputFileError('the file is not an inventory, pathway, plan or tracking file (it has no `activities`, `inventory:`, `pathway:` or `indicators`) / 该文件不是清单、路径、行动方案或跟踪文件（没有 `activities`、`inventory:`、`pathway:` 或 `indicators`）');
}

/** A city's stored document at the version the report reads: what the store's `version()` gives. */
export interface StoredSource {
  readonly id: string;
  readonly kind: 'inventory' | 'pathway' | 'plan' | 'tracking';
  /** Unique within the city and kind: what references name. */
  readonly name: string;
  readonly version: number;
  /** The store's body hash (SHA-256 of the canonical JSON), with or without `sha256:`. */
  readonly bodyHash: string;
  readonly body: unknown;
}

/** Which pathway and plan to report when a city has several (by name). */
export interface StoredChoice {
  readonly pathway?: string | undefined;
  readonly plan?: string | undefined;
  readonly tracking?: string | undefined;
  /** The inventories the report shows (by name), when not every one of the city's: the pathway's base inventory is always read. */
  readonly inventories?: readonly string[] | undefined;
}

export type StoredSourcesResult =
  | { readonly ok: true; readonly sources: ReportSources }
  | { readonly ok: false; readonly code: 'ambiguous' | 'not-found'; readonly kind: 'pathway' | 'plan' | 'inventory' | 'tracking'; readonly names: readonly string[]; readonly wanted?: string | undefined };

/**
 * From a city's stored documents: every inventory; its tracking document (the one named, or the only one);
 * the plan (the one named, the one the tracking names, or the city's only one), its
 * `pathway:` (or the one named, or the only one) and that pathway's `inventory:`, by name as the server
 * resolves them. Several candidates and no name is an error naming them, never a silent pick.
 */
export function sourcesFromStored(documents: readonly StoredSource[], choice: StoredChoice = {}): StoredSourcesResult {
  const asSource = (document: StoredSource): SourceDocument => ({
    kind: document.kind,
    id: document.id,
    name: document.name,
    version: document.version,
    hash: document.bodyHash.startsWith('sha256:') ? document.bodyHash : `sha256:${document.bodyHash}`,
    body: document.body,
  });
  const ofKind = (kind: StoredSource['kind']): StoredSource[] => documents.filter((document) => document.kind === kind);
  const pick = (kind: 'pathway' | 'plan' | 'tracking', wanted: string | undefined): StoredSourcesResult | StoredSource | undefined => {
    const candidates = ofKind(kind);
    const names = candidates.map((candidate) => candidate.name);
    if (wanted !== undefined) return candidates.find((candidate) => candidate.name === wanted) ?? { ok: false, code: 'not-found', kind, names, wanted };
    if (candidates.length > 1) return { ok: false, code: 'ambiguous', kind, names };
    return candidates[0];
  };
  const isFailure = (value: StoredSourcesResult | StoredSource | undefined): value is StoredSourcesResult => value !== undefined && 'ok' in value;
  const all = ofKind('inventory');
  const unknown = (choice.inventories ?? []).find((wanted) => !all.some((inventory) => inventory.name === wanted));
  if (unknown !== undefined) return { ok: false, code: 'not-found', kind: 'inventory', names: all.map((inventory) => inventory.name), wanted: unknown };
  const inventories = choice.inventories ? all.filter((inventory) => choice.inventories!.includes(inventory.name)) : all;

  const tracking = pick('tracking', choice.tracking);
  if (isFailure(tracking)) return tracking;
  const trackingDocument = tracking ? asSource(tracking) : undefined;
  const plan = pick('plan', choice.plan ?? (tracking ? referenceOf(tracking.body, 'plan') : undefined));
  if (isFailure(plan)) return plan;
  const planPathway = plan ? referenceOf(plan.body, 'pathway') : undefined;
  const pathway = pick('pathway', planPathway ?? choice.pathway ?? (tracking ? referenceOf(tracking.body, 'pathway') : undefined));
  if (isFailure(pathway)) return pathway;
  if (!pathway) return { ok: true, sources: { inventories: inventories.map(asSource), trackingDocument } };
  const inventoryName = referenceOf(pathway.body, 'inventory');
  const base = all.find((inventory) => inventory.name === inventoryName);
  if (!base) return { ok: false, code: 'not-found', kind: 'inventory', names: all.map((inventory) => inventory.name), wanted: inventoryName };
  const shown = inventories.includes(base) ? inventories : [base, ...inventories];
  return { ok: true, sources: { inventories: shown.map(asSource), pathway: { ...asSource(pathway), inventory: base.id }, plan: plan ? asSource(plan) : undefined, trackingDocument } };
}

function referenceOf(body: unknown, field: string): string | undefined {
  const value = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' ? value : undefined;
}
