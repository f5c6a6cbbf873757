import { formatFigure, formatScaled, type Lang, type ScaledUnit } from '@peakpath/core';
import { escapeHtml } from './html-text.ts';
import type { Figure, Provenance } from './types.ts';

/** How a figure is printed: a scaled quantity (万/亿 in Chinese), a percentage, a plain number with digits, a year. */
export type FigureFormat = { readonly scaled: ScaledUnit } | { readonly percent: number } | { readonly digits: number; readonly unit?: string } | 'year' | 'count';

export type FigureAt = Figure['at'];

/**
 * The report's numbers: each is registered once with its value, unit, where it sits in the computed results
 * and the document version it comes from, and printed as an element carrying `data-figure` and
 * `data-source`, so every number in the HTML can be checked against the computation.
 */
export class FigureRegistry {
  readonly #figures = new Map<string, Figure>();

  constructor(private readonly lang: Lang) {}

  /** Registers a figure and returns its HTML. The same id twice must be the same figure. */
  add(id: string, value: number, format: FigureFormat, source: Provenance, at: FigureAt): string {
    const text = this.text(value, format);
    const figure: Figure = { id, value, unit: unitOf(format), text, source: { document: source.id, version: source.version, hash: source.hash }, at };
    const before = this.#figures.get(id);
    if (before && (before.value !== value || before.text !== text)) throw new Error(`figure ${id} registered twice with different values`);
    this.#figures.set(id, figure);
    const version = source.version === null ? source.hash.slice(0, 19) : `v${source.version}`;
    return `<span class="fig" data-figure="${escapeHtml(id)}" data-source="${escapeHtml(`${source.id}@${version}`)}">${escapeHtml(text)}</span>`;
  }

  get figures(): readonly Figure[] {
    return [...this.#figures.values()];
  }

  text(value: number, format: FigureFormat): string {
    if (format === 'year' || format === 'count') return format === 'year' ? String(value) : formatFigure(value);
    if ('scaled' in format) return formatScaled(value, format.scaled, this.lang);
    if ('percent' in format) return `${formatFigure(value * 100, format.percent)}%`;
    const number = formatFigure(value, format.digits);
    return format.unit ? `${number} ${format.unit}` : number;
  }
}

function unitOf(format: FigureFormat): string {
  if (format === 'year') return 'year';
  if (format === 'count') return '1';
  if ('scaled' in format) return format.scaled;
  if ('percent' in format) return 'fraction';
  return format.unit ?? '1';
}
