import { GPC_SECTORS } from '../gpc/structure.ts';
import type { Lang } from '../issues/messages.ts';
import { CDP_TARGET_TYPE_NAMES, PROGRESS_STATUS_NAMES, TRACKED_TARGET_KIND_NAMES } from '../text/names-tracking.ts';
import { trackedText, type TrackedTarget, type Tracking, type TrackingResult } from '../tracking/types.ts';
import type { TableCell, TableSheet } from './columns.ts';
import type { Text } from './tracking-columns.ts';

/**
 * The CDP-ICLEI Track target table (the cities questionnaire's emissions-reduction targets;
 * docs/import-export.md): one row per target of the tracking document with CDP's target type (base year
 * absolute, base year intensity, fixed level, baseline scenario), its sector and boundary, base year and
 * the base-year figure (the target's indicator's value in that year, as the document gives it), target
 * year, the reduction in percent or the level aimed at, and — with a `TrackingResult` — the progress and
 * status that `computeTracking` judged. Nothing is computed here that the document or the result does
 * not hold.
 */

export const CDP_TARGETS_SHEET: Readonly<Record<Lang, string>> = { en: 'CDP targets', zh: 'CDP目标' };

export const CDP_TARGET_HEADERS: readonly Text[] = [
  { en: 'target id', zh: '目标代码' },
  { en: 'target', zh: '目标' },
  { en: 'CDP target type', zh: 'CDP 目标类型' },
  { en: 'target kind', zh: '目标种类' },
  { en: 'sector', zh: '部门' },
  { en: 'boundary', zh: '边界' },
  { en: 'base year', zh: '基准年' },
  { en: 'base-year value', zh: '基准年数值' },
  { en: 'target year', zh: '目标年' },
  { en: 'reduction (%)', zh: '减排比例（%）' },
  { en: 'target level', zh: '目标水平' },
  { en: 'unit', zh: '单位' },
  { en: 'baseline scenario in target year', zh: '目标年基准情景值' },
  { en: 'indicator', zh: '衡量指标' },
  { en: 'progress (%)', zh: '进度（%）' },
  { en: 'status', zh: '状态' },
  { en: 'source', zh: '来源' },
];

export const BOUNDARY_NAMES: Readonly<Record<TrackedTarget['boundary'], Text>> = {
  basic: { en: 'GPC BASIC', zh: 'GPC BASIC' },
  'basic-plus': { en: 'GPC BASIC+', zh: 'GPC BASIC+' },
  'energy-co2': { en: 'CO2 from energy activities (China)', zh: '能源活动二氧化碳（国家口径）' },
};

const CITY_WIDE: Text = { en: 'city-wide', zh: '全市' };

export function cdpTargetsTable(tracking: Pick<Tracking, 'targets' | 'indicators'>, lang: Lang = 'en', progress?: Pick<TrackingResult, 'targets'>): TableSheet {
  const rows: TableCell[][] = [CDP_TARGET_HEADERS.map((header) => header[lang])];
  for (const target of tracking.targets) {
    const indicator = tracking.indicators.find((entry) => entry.id === target.indicator);
    const baseObservation = target.baseYear === undefined || indicator === undefined ? undefined : [indicator.base, ...indicator.actuals].find((observation) => observation.year === target.baseYear);
    const sector = target.sector === undefined ? CITY_WIDE[lang] : sectorText(target.sector, lang);
    const judged = progress?.targets.find((entry) => entry.target === target.id);
    rows.push([
      target.id,
      trackedText(target.name, lang),
      CDP_TARGET_TYPE_NAMES[target.cdpType][lang],
      TRACKED_TARGET_KIND_NAMES[target.kind][lang],
      sector,
      BOUNDARY_NAMES[target.boundary][lang],
      target.baseYear ?? null,
      baseObservation?.value ?? null,
      target.targetYear,
      target.form === 'reduction' ? target.value * 100 : null,
      target.form === 'level' ? target.value : null,
      target.unit,
      target.baseline ?? null,
      indicator === undefined ? target.indicator : `${target.indicator} ${trackedText(indicator.name, lang)}`,
      judged?.progress === null || judged === undefined ? null : judged.progress * 100,
      judged === undefined ? null : PROGRESS_STATUS_NAMES[judged.status][lang],
      target.source ?? null,
    ]);
  }
  return { sheet: CDP_TARGETS_SHEET[lang], rows };
}

function sectorText(id: string, lang: Lang): string {
  const sector = GPC_SECTORS.find((entry) => entry.id === id);
  return sector === undefined ? id : `${sector.id} ${sector.name[lang]}`;
}
