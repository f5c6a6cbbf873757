import type { Entity } from '../../app/types.ts';

/** A text in both languages, as the API sends it. */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

/**
 * `GET /api/entities/:id/summary` as the pages read it (packages/server/src/results/summary.ts): the
 * latest inventory's totals and the latest pathway's peak status, each null when there is none to read.
 */
export interface PeakSummary {
  readonly year: number | null;
  readonly value: number | null;
}

export interface PeakTarget {
  readonly id: string;
  readonly name: Bilingual;
  readonly year: number;
  readonly basis: string;
  readonly met: boolean;
}

export type PathwaySummary =
  | {
      readonly documentId: string;
      readonly name: string;
      readonly version: number;
      readonly computed: true;
      readonly scenario: { readonly id: string; readonly name: Bilingual };
      readonly peak: PeakSummary;
      readonly officialPeak: PeakSummary | null;
      readonly peakTargets: readonly PeakTarget[];
    }
  | { readonly documentId: string; readonly name: string; readonly version: number; readonly computed: false; readonly problem: Bilingual };

export interface InventorySummary {
  readonly documentId: string;
  readonly name: string;
  readonly version: number;
  readonly year: number;
  readonly gwp: string;
  readonly totals: { readonly basic: number; readonly basicPlus: number; readonly scope1: number; readonly scope2: number; readonly scope3: number };
  readonly basicPerCapita: number | null;
  readonly basicPerGdp: number | null;
  readonly energyCo2: number | null;
  readonly warnings: number;
}

export interface CitySummary {
  readonly entity: Entity;
  readonly inventory: InventorySummary | null;
  readonly pathway: PathwaySummary | null;
}

/**
 * The peak a status speaks of: the first peak target's basis (a Chinese city's targets are judged on
 * energy-activity CO2 by default), else BASIC. Returns which basis, so the page can say it.
 */
export function peakStatus(pathway: PathwaySummary | null): null | { computed: false; problem: Bilingual } | { computed: true; basis: 'energyCo2' | 'basic'; peak: PeakSummary; target: PeakTarget | null } {
  if (!pathway) return null;
  if (!pathway.computed) return { computed: false, problem: pathway.problem };
  const target = pathway.peakTargets[0] ?? null;
  if (target?.basis === 'energyCo2' && pathway.officialPeak) return { computed: true, basis: 'energyCo2', peak: pathway.officialPeak, target };
  return { computed: true, basis: 'basic', peak: pathway.peak, target };
}
