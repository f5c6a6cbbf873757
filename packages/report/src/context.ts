import type { Lang } from '@peakpath/core';
import { FigureRegistry, type FigureFormat } from './figures.ts';
import { TEXTS } from './texts.ts';
import type { Provenance, ReportInput } from './types.ts';

/** What every section is built with: the language, its texts, the figures registered so far. */
export class ReportContext {
  readonly figures: FigureRegistry;
  readonly t: (typeof TEXTS)[Lang];

  constructor(
    readonly input: ReportInput,
    readonly lang: Lang,
  ) {
    this.figures = new FigureRegistry(lang);
    this.t = TEXTS[lang];
  }

  /**
   * A figure read from a computed result by its path (`['totals', 'basic']`): the value printed is the
   * result's own, and the id and path let a test find it again. `root` names the result
   * (`inventory:2022`, `pathway`, `monteCarlo`, `plan`, `tracking`).
   */
  at(root: string, result: unknown, source: Provenance, path: readonly (string | number)[], format: FigureFormat): string {
    const value = valueAt(result, path);
    return this.figures.add(`${root}.${path.join('.')}`, value, format, source, { root, path });
  }

  /** A figure derived from two registered figures: `change` is b / a − 1, `ratio` a / b. */
  derived(id: string, kind: 'change' | 'ratio', of: readonly [string, string], source: Provenance): string {
    const [a, b] = of.map((figureId) => this.figures.figures.find((figure) => figure.id === figureId)?.value);
    if (a === undefined || b === undefined) throw new Error(`derived figure ${id}: ${of.join(', ')} not registered`);
    const value = kind === 'change' ? b / a - 1 : a / b;
    return this.figures.add(id, value, { percent: 1 }, source, { derived: kind, of });
  }

  name(text: { readonly en: string; readonly zh: string }): string {
    return this.lang === 'zh' ? text.zh : text.en;
  }
}

/** The number at `path` in `result`; anything else is a defect of the report, not of the input. */
export function valueAt(result: unknown, path: readonly (string | number)[]): number {
  let here: unknown = result;
  for (const key of path) {
    if (typeof here !== 'object' || here === null) throw new Error(`no value at ${path.join('.')}`);
    here = (here as Record<string | number, unknown>)[key];
  }
  if (typeof here !== 'number' || !Number.isFinite(here)) throw new Error(`no finite number at ${path.join('.')}`);
  return here;
}
