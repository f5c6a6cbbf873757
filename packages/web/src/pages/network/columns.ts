import type { TFunction } from 'i18next';
import type { Lang } from '../../app/i18n.ts';
import { entityName } from '../../app/format.ts';
import type { SortValue } from './sort.ts';
import { peakStatus, type CitySummary } from './summary.ts';

/** The benchmarking table's columns: one definition gives the header, the sort value and the CSV cell. */
export const COLUMNS = ['name', 'kind', 'year', 'basic', 'basicPlus', 'energyCo2', 'perCapita', 'perGdp', 'peak', 'report'] as const;
export type Column = (typeof COLUMNS)[number];

/** Columns holding figures: right-aligned, numeric sort. */
export const NUMERIC: ReadonlySet<Column> = new Set(['year', 'basic', 'basicPlus', 'energyCo2', 'perCapita', 'perGdp', 'peak']);

/** The value a column sorts by (null: no data, sorted last). */
export function sortValue(summary: CitySummary, column: Column, lang: Lang, t: TFunction<'network'>): SortValue {
  const inventory = summary.inventory;
  switch (column) {
    case 'name': return entityName(summary.entity, lang);
    case 'kind': return t(`kind.${summary.entity.kind}`);
    case 'year': return inventory?.year ?? null;
    case 'basic': return inventory?.totals.basic ?? null;
    case 'basicPlus': return inventory?.totals.basicPlus ?? null;
    case 'energyCo2': return inventory?.energyCo2 ?? null;
    case 'perCapita': return inventory?.basicPerCapita ?? null;
    case 'perGdp': return inventory?.basicPerGdp ?? null;
    case 'peak': {
      const status = peakStatus(summary.pathway);
      return status?.computed ? status.peak.year : null;
    }
    case 'report': return null;
    default: {
      const never: never = column;
      return never;
    }
  }
}
