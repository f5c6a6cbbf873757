import { GPC_SECTORS } from '../gpc/structure.ts';
import type { Lang } from '../issues/messages.ts';
import { CDP_TARGET_TYPE_NAMES, PROGRESS_STATUS_NAMES, TRACKED_TARGET_KIND_NAMES } from '../text/names-tracking.ts';
import { targetGoal } from '../tracking/target-goal.ts';
import { trackedText, type TrackedTarget, type Tracking, type TrackingResult } from '../tracking/types.ts';
import type { TableCell, TableSheet } from './columns.ts';

/**
 * The CDP-ICLEI Track target table: one row per target of a tracking file (docs/tracking.md), in file order, with
 * what CDP asks of a city-wide or sector target — its type (base year absolute, base year intensity, fixed level,
 * baseline scenario), boundary and sector, base year and base value, target year, reduction as a percentage or the
 * level, the baseline scenario's value in the target year — and the goal that reading gives in the indicator's unit
 * (`targetGoal`: base × (1 − reduction), baseline × (1 − reduction), or the level). With a TrackingResult, the latest
 * actual and the percentage of the target achieved (progress × 100) and its status, as `computeTracking` judged them.
 */

type Text = { readonly en: string; readonly zh: string };

export const CDP_TARGETS_SHEET: Readonly<Record<Lang, string>> = { en: 'CDP targets', zh: 'CDP目标' };

export const CDP_TARGETS_COLUMNS: readonly Text[] = [
  { en: 'id', zh: '代码' },
  { en: 'target', zh: '目标' },
  { en: 'CDP target type', zh: 'CDP 目标类型' },
  { en: 'kind', zh: '目标种类' },
  { en: 'boundary', zh: '核算边界' },
  { en: 'sector', zh: '部门' },
  { en: 'indicator', zh: '指标' },
  { en: 'unit', zh: '单位' },
  { en: 'base year', zh: '基准年' },
  { en: 'base year value', zh: '基准年数值' },
  { en: 'target year', zh: '目标年' },
  { en: 'reduction (%)', zh: '下降幅度（%）' },
  { en: 'target level', zh: '目标水平' },
  { en: 'baseline scenario value in target year', zh: '目标年基准情景数值' },
  { en: 'goal in target year', zh: '目标年目标值' },
  { en: 'goal from', zh: '目标值来源' },
  { en: 'latest year', zh: '最新数据年份' },
  { en: 'latest value', zh: '最新数值' },
  { en: 'target achieved (%)', zh: '目标完成度（%）' },
  { en: 'status', zh: '状态' },
  { en: 'source', zh: '来源' },
];

export const TARGET_BOUNDARY_NAMES: Readonly<Record<TrackedTarget['boundary'], Text>> = {
  basic: { en: 'GPC BASIC', zh: 'GPC BASIC' },
  'basic-plus': { en: 'GPC BASIC+', zh: 'GPC BASIC+' },
  'energy-co2': { en: 'energy-activity CO2 (China official)', zh: '能源活动二氧化碳（国家口径）' },
};

const GOAL_FROM_NAMES: Readonly<Record<'level' | 'reduction-of-base' | 'reduction-of-baseline', Text>> = {
  level: { en: 'level as stated', zh: '按所给水平' },
  'reduction-of-base': { en: 'base year value × (1 − reduction)', zh: '基准年数值 ×（1 − 下降幅度）' },
  'reduction-of-baseline': { en: 'baseline scenario × (1 − reduction)', zh: '基准情景数值 ×（1 − 下降幅度）' },
};

/** A fraction as a percentage; toPrecision(15) drops the binary noise of × 100 (0.07 × 100 = 7.000000000000001). */
export const percentOf = (fraction: number): number => Number((fraction * 100).toPrecision(15));

export function cdpTargetsTable(tracking: Tracking, lang: Lang = 'en', result?: TrackingResult): TableSheet {
  const rows: TableCell[][] = [CDP_TARGETS_COLUMNS.map((column) => column[lang])];
  for (const target of tracking.targets) {
    const indicator = tracking.indicators.find((entry) => entry.id === target.indicator);
    // parseTracking refuses a target whose indicator is unknown or whose goal cannot be measured against.
    if (indicator === undefined) throw new Error(`cdpTargetsTable: target ${target.id} names no indicator of the tracking`);
    const goal = targetGoal(target, indicator);
    const progress = result?.targets.find((entry) => entry.target === target.id);
    const sector = target.sector === undefined ? undefined : GPC_SECTORS.find((entry) => entry.id === target.sector);
    rows.push([
      target.id,
      trackedText(target.name, lang),
      CDP_TARGET_TYPE_NAMES[target.cdpType][lang],
      TRACKED_TARGET_KIND_NAMES[target.kind][lang],
      TARGET_BOUNDARY_NAMES[target.boundary][lang],
      sector === undefined ? (lang === 'zh' ? '全市' : 'city-wide') : `${sector.id} ${sector.name[lang]}`,
      `${target.indicator} ${trackedText(indicator.name, lang)}`,
      indicator.unit,
      indicator.base.year,
      indicator.base.value,
      target.targetYear,
      target.form === 'reduction' ? percentOf(target.value) : null,
      target.form === 'level' ? target.value : null,
      target.baseline ?? null,
      goal.ok ? goal.goal.value : null,
      goal.ok ? GOAL_FROM_NAMES[goal.from][lang] : null,
      progress?.latest?.year ?? null,
      progress?.latest?.value ?? null,
      progress?.progress === null || progress?.progress === undefined ? null : percentOf(progress.progress),
      progress === undefined ? null : PROGRESS_STATUS_NAMES[progress.status][lang],
      target.source ?? null,
    ]);
  }
  return { sheet: CDP_TARGETS_SHEET[lang], rows };
}
