/**
 * The YAML examples of docs/*.md, as test/docs-examples.test.ts runs them and test/schemas.test.ts
 * checks them against the JSON Schemas: which page holds which kind of document, and the examples that
 * are not meant to compute as they stand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DOCS = join(process.cwd(), 'docs');

/** Examples that are not meant to compute as they stand: file → block index → what they show. */
export const SPECIAL: Record<string, Record<number, 'alternatives' | { invalid: number }>> = {
  'inventory-file.md': { 1: 'alternatives', 8: 'alternatives', 9: { invalid: 4 } },
  'pathways.md': { 2: { invalid: 3 } },
  'plans.md': { 2: { invalid: 6 } },
};
/** Docs whose examples are pathway files on the demo inventory, not inventory files. */
export const PATHWAY_DOCS = new Set(['pathways.md']);
/** Docs whose examples are plan files beside the demo pathway. */
export const PLAN_DOCS = new Set(['plans.md']);
/** Docs whose examples are cluster files (their members' inventories are examples/cluster's). */
export const CLUSTER_DOCS = new Set(['clusters.md']);
/** Docs whose examples are district files (their inventories are examples/district's). */
export const DISTRICT_DOCS = new Set(['districts.md']);

/** Each page with YAML examples, and its examples' text in order. */
export function docsYamlBlocks(): [file: string, blocks: string[]][] {
  return readdirSync(DOCS)
    .filter((name) => name.endsWith('.md'))
    .map((file): [string, string[]] => [file, [...readFileSync(join(DOCS, file), 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!)])
    .filter(([, blocks]) => blocks.length > 0);
}

/** An inventory example as a whole file: a list of lines or a single line is put in a small file. */
export function asDocument(value: unknown): Record<string, unknown> | undefined {
  const wrap = (activities: unknown[]) => ({ city: { name: 'Docs', country: 'CN' }, year: 2022, grid: 'CN-east-2022', activities });
  if (Array.isArray(value)) return wrap(value);
  if (value && typeof value === 'object' && 'activities' in value) return value as Record<string, unknown>;
  if (value && typeof value === 'object' && 'gpc' in value) return wrap([value]);
  return undefined;
}
