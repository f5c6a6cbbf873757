/**
 * Which numbers of a compiled pathway the explorer offers as sliders, and how each slider moves.
 * Pure: it reads the compiled pathway's parameter table (every number of the file is a slot, addressed
 * by its path, docs/pathways.md "Parameter paths") and the document for the units it is written in.
 *
 * A slider works in whole steps ("ticks") around the file's value, so the file's value is always one
 * position of the slider and a value read back from a link lands on the same position.
 */
import type { Pathway, ScenarioDefinition } from '@peakpath/core';

/** Policies are the actions' numbers; assumptions are drivers, intensity trends and the grid. */
export type SliderGroup = 'policy' | 'assumption';

/** How a number is shown: a percentage (rates, shares, levels) or a figure in the file's unit. */
export type SliderDisplay = 'percent' | 'number';

export type SliderSubject =
  | { readonly kind: 'driver-growth'; readonly driver: string; readonly from: number | null }
  | { readonly kind: 'driver-point'; readonly driver: string; readonly year: number }
  | { readonly kind: 'driver-share'; readonly driver: string; readonly year: number }
  | { readonly kind: 'driver-elasticity'; readonly driver: string; readonly from: number | null }
  | { readonly kind: 'intensity-growth'; readonly sector: string; readonly from: number | null }
  | { readonly kind: 'intensity-point'; readonly sector: string; readonly year: number }
  | { readonly kind: 'fuel-share'; readonly sector: string; readonly carrier: string; readonly year: number }
  | { readonly kind: 'grid-point'; readonly year: number }
  | { readonly kind: 'adoption-level'; readonly action: string }
  | { readonly kind: 'adoption-rate'; readonly action: string };

export interface SliderSpec {
  /** The parameter path (`drivers.gdp.growth.2026`): the key of a scenario's `set` and of the link. */
  readonly path: string;
  readonly slot: number;
  readonly group: SliderGroup;
  readonly subject: SliderSubject;
  readonly display: SliderDisplay;
  /** The unit the file writes the number in (万辆, t/MWh); empty for percentages and pure numbers. */
  readonly unit: string;
  /** The scenario's value (the file's, or the scenario's `set`), in the file's unit (what a scenario's `set` takes). */
  readonly fileValue: number;
  /** Base units per file unit (the parameter table's `scale`). */
  readonly scale: number;
  /** One step of the slider, in the file's unit. */
  readonly step: number;
  /** Steps below and above the file's value the slider reaches (within the parameter's bounds). */
  readonly below: number;
  readonly above: number;
}

const STEPS = 50;

/** Rounds away binary noise (0.05 + 25 × 0.001) so a value prints, links and compares as written. */
export const tidy = (value: number): number => Number(value.toPrecision(12));

/** The value at a slider position. */
export const valueAt = (spec: SliderSpec, tick: number): number => tidy(spec.fileValue + tick * spec.step);

/** The slider position nearest to a value (a link may carry a value between two positions). */
export const tickOf = (spec: SliderSpec, value: number): number => Math.max(-spec.below, Math.min(spec.above, Math.round((value - spec.fileValue) / spec.step)));

/** The lowest and highest value a slider reaches. */
export const rangeOf = (spec: SliderSpec): { readonly min: number; readonly max: number } => ({ min: valueAt(spec, -spec.below), max: valueAt(spec, spec.above) });

/** A step of about a fiftieth of the value, rounded to 1, 2 or 5 × a power of ten. */
function niceStep(value: number): number {
  const raw = Math.abs(value) / STEPS || 0.01;
  const power = 10 ** Math.floor(Math.log10(raw));
  const mantissa = raw / power;
  return tidy((mantissa < 1.5 ? 1 : mantissa < 3.5 ? 2 : 5) * power);
}

const year = (text: string | undefined): number | null => (text !== undefined && /^\d{4}$/.test(text) ? Number(text) : null);

/** What a parameter path is, when it is one the explorer offers; null otherwise. */
export function classify(path: string, baseYear: number): { subject: SliderSubject; group: SliderGroup; display: SliderDisplay; step: number | null; span: 'rate' | 'share' | 'quantity' | 'elasticity' } | null {
  let m: RegExpExecArray | null;
  // Drivers: growth by period, points, share points, elasticities. Base-year values are the inventory's or fix the base: not offered.
  if ((m = /^drivers\.([^.]+)\.growth(?:\.(\d{4}))?$/.exec(path))) return { subject: { kind: 'driver-growth', driver: m[1]!, from: year(m[2]) }, group: 'assumption', display: 'percent', step: 0.001, span: 'rate' };
  if ((m = /^drivers\.([^.]+)\.points\.(\d{4})$/.exec(path)) && Number(m[2]) !== baseYear) return { subject: { kind: 'driver-point', driver: m[1]!, year: Number(m[2]) }, group: 'assumption', display: 'number', step: null, span: 'quantity' };
  if ((m = /^drivers\.([^.]+)\.share\.points\.(\d{4})$/.exec(path)) && Number(m[2]) !== baseYear) return { subject: { kind: 'driver-share', driver: m[1]!, year: Number(m[2]) }, group: 'assumption', display: 'percent', step: 0.005, span: 'share' };
  if ((m = /^drivers\.([^.]+)\.elasticity\.value(?:\.(\d{4}))?$/.exec(path))) return { subject: { kind: 'driver-elasticity', driver: m[1]!, from: year(m[2]) }, group: 'assumption', display: 'number', step: 0.05, span: 'elasticity' };
  if ((m = /^sectors\.([^.]+)\.intensity\.growth(?:\.(\d{4}))?$/.exec(path))) return { subject: { kind: 'intensity-growth', sector: m[1]!, from: year(m[2]) }, group: 'assumption', display: 'percent', step: 0.001, span: 'rate' };
  if ((m = /^sectors\.([^.]+)\.intensity\.points\.(\d{4})$/.exec(path)) && Number(m[2]) !== baseYear) return { subject: { kind: 'intensity-point', sector: m[1]!, year: Number(m[2]) }, group: 'assumption', display: 'number', step: 0.01, span: 'quantity' };
  if ((m = /^sectors\.([^.]+)\.shares\.([^.]+)\.points\.(\d{4})$/.exec(path)) && Number(m[3]) !== baseYear) return { subject: { kind: 'fuel-share', sector: m[1]!, carrier: m[2]!, year: Number(m[3]) }, group: 'assumption', display: 'percent', step: 0.01, span: 'share' };
  if ((m = /^grid\.points\.(\d{4})$/.exec(path)) && Number(m[1]) !== baseYear) return { subject: { kind: 'grid-point', year: Number(m[1]) }, group: 'assumption', display: 'number', step: null, span: 'quantity' };
  if ((m = /^actions\.([^.]+)\.adoption\.level$/.exec(path))) return { subject: { kind: 'adoption-level', action: m[1]! }, group: 'policy', display: 'percent', step: 0.01, span: 'share' };
  if ((m = /^actions\.([^.]+)\.adoption\.rate$/.exec(path))) return { subject: { kind: 'adoption-rate', action: m[1]! }, group: 'policy', display: 'percent', step: 0.001, span: 'rate' };
  return null;
}

/** The unit the document writes a parameter in: a driver's or the grid's `unit`; none for the rest. */
function unitOf(document: Record<string, unknown>, subject: SliderSubject): string {
  const field = (value: unknown, key: string): unknown => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined);
  if (subject.kind === 'driver-point') return String(field(field(document['drivers'], subject.driver), 'unit') ?? '');
  if (subject.kind === 'grid-point') return String(field(document['grid'], 'unit') ?? '');
  return '';
}

/**
 * The sliders of a scenario: the assumptions of the file and the adoption of the actions the scenario
 * takes (an action it does not take has no effect to move), each starting at the scenario's value (its
 * `set`, else the file's). In file order.
 */
export function sliderSpecs(pathway: Pathway, document: Record<string, unknown>, scenario: ScenarioDefinition): SliderSpec[] {
  const baseYear = pathway.model.baseYear;
  const active = new Set(pathway.model.actions.filter((_, a) => scenario.active[a] === 1).map((action) => action.id));
  const set = new Map(scenario.overrides.map((override) => [override.slot, override.value]));
  const specs: SliderSpec[] = [];
  pathway.parameters.forEach((info, slot) => {
    if (!info.addressable) return;
    const kind = classify(info.path, baseYear);
    if (!kind) return;
    if ((kind.subject.kind === 'adoption-level' || kind.subject.kind === 'adoption-rate') && !active.has(kind.subject.action)) return;
    const fileValue = tidy((set.get(slot) ?? info.nominal) / info.scale);
    const step = kind.step ?? niceStep(fileValue);
    // The parameter's own bounds (a share in 0–1, a growth rate above −100 %), in the file's unit, and a span that makes sense.
    const lowest = Math.max(info.min / info.scale, kind.span === 'share' || kind.span === 'quantity' ? 0 : -Infinity);
    const highest = Math.min(info.max / info.scale, kind.span === 'share' ? 1 : Infinity);
    const reach = kind.span === 'share' ? 100 : STEPS;
    const below = Math.max(0, Math.min(reach, Math.floor((fileValue - lowest) / step + 1e-9)));
    const above = Math.max(0, Math.min(reach, Math.floor((highest - fileValue) / step + 1e-9)));
    specs.push({ path: info.path, slot, group: kind.group, subject: kind.subject, display: kind.display, unit: unitOf(document, kind.subject), fileValue, scale: info.scale, step, below, above });
  });
  return specs;
}
