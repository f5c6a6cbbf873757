import { TRACKING_AREAS, trackedText, type Indicator, type IndicatorProgress } from '@peakpath/core';
import type { Provenance } from '../types.ts';
import type { ReportContext } from '../context.ts';
import { escapeHtml, table } from '../html-text.ts';

/**
 * The sections a tracking document feeds (targets and progress, actions and their status, the eight
 * areas' indicators, adaptation, cooperation). The tracking result is computed by the caller
 * (computeTracking); its figures are cited as `tracking.…` with the tracking document's provenance.
 */

/** A tracking document given without provenance is cited as such, never as another document. */
function trackingSource(ctx: ReportContext): Provenance {
  return ctx.input.tracking?.source ?? { kind: 'tracking', id: 'tracking', name: 'tracking', version: null, hash: 'sha256:unknown' };
}

/**
 * The decimals the indicator's figures are written with, a goal computed from a reduction included (at
 * most 3): 3 networks, not 3.00; a goal of 0.656 tCO2/万元 beside 0.7, not 0.7 beside 0.7.
 */
function writtenDigits(indicator: Indicator, shown: readonly (number | undefined)[]): number {
  const decimals = (value: number) => (Number.isInteger(value) ? 0 : Math.min(3, (String(value).split('.')[1] ?? '').length));
  const values = [indicator.base, ...indicator.goals, ...indicator.actuals].map((observation) => observation.value);
  return Math.max(0, ...[...values, ...shown.filter((value): value is number => value !== undefined)].map(decimals));
}

function progressCells(ctx: ReportContext, progress: Pick<IndicatorProgress, 'latest' | 'goal' | 'progress' | 'expected' | 'status'> | undefined, indicator: Indicator | undefined, path: (string | number)[]): string[] {
  const { t } = ctx;
  const source = trackingSource(ctx);
  const result = ctx.input.tracking!.result;
  const unit = indicator?.unit ?? '';
  const number = (field: string[], format: Parameters<ReportContext['at']>[4]): string => ctx.at('tracking', result, source, [...path, ...field], format);
  const digits = indicator ? writtenDigits(indicator, [progress?.goal?.value, progress?.latest?.value]) : 2;
  const value = (field: 'latest' | 'goal'): string => (progress?.[field] ? `${number([field, 'value'], { digits })} ${escapeHtml(unit)} (${progress[field]!.year})` : '—');
  return [
    value('latest'),
    value('goal'),
    progress?.progress === null || progress?.progress === undefined ? '—' : number(['progress'], { percent: 0 }),
    progress?.expected === null || progress?.expected === undefined ? '—' : number(['expected'], { percent: 0 }),
    `<span class="status status-${escapeHtml(progress?.status ?? 'no-data')}">${escapeHtml(t.statuses[progress?.status ?? 'no-data'])}</span>`,
  ];
}

export function trackedTargetsSection(ctx: ReportContext): string {
  const tracking = ctx.input.tracking;
  const { t } = ctx;
  if (!tracking) return `<p>${escapeHtml(t.noTracking)}</p>`;
  const rows = tracking.result.targets.map((progress, index) => {
    const target = tracking.tracking.targets.find((each) => each.id === progress.target);
    const indicator = tracking.tracking.indicators.find((each) => each.id === progress.indicator);
    return [escapeHtml(target ? trackedText(target.name, ctx.lang) : progress.target), String(target?.targetYear ?? ''), ...progressCells(ctx, progress, indicator, ['targets', index])];
  });
  return `<h3>${escapeHtml(t.trackedTargets)}</h3><p class="note">${escapeHtml(t.asOf(tracking.result.asOf))}</p>${table([t.target, t.targetYear, t.latest, t.goal, t.progress, t.expected, t.status], rows, { numeric: [2, 3, 4, 5] })}`;
}

export function trackedActionsSection(ctx: ReportContext): string {
  const tracking = ctx.input.tracking;
  const { t } = ctx;
  if (!tracking) return `<p>${escapeHtml(t.noTracking)}</p>`;
  const source = trackingSource(ctx);
  const rows = tracking.result.actions.map((progress, index) => {
    const action = tracking.tracking.actions.find((each) => each.id === progress.action);
    const path = ['actions', index];
    return [
      escapeHtml(action ? trackedText(action.name, ctx.lang) : progress.action),
      escapeHtml(action ? t.areaNames[action.area] : ''),
      escapeHtml(action?.lead ?? ''),
      `<span class="status status-${escapeHtml(progress.status)}">${escapeHtml(t.actionStatuses[progress.status])}</span>`,
      `${ctx.at('tracking', tracking.result, source, [...path, 'tasks', 'done'], 'count')} / ${ctx.at('tracking', tracking.result, source, [...path, 'tasks', 'total'], 'count')}`,
      `${escapeHtml(progress.lastUpdate ?? '—')} (${escapeHtml(t.freshnesses[progress.freshness])})`,
      progress.budgetShare === null ? '—' : ctx.at('tracking', tracking.result, source, [...path, 'budgetShare'], { percent: 0 }),
    ];
  });
  return `<h3>${escapeHtml(t.trackedActions)}</h3>${table([t.action, t.area, t.lead, t.status, t.tasks, t.freshness, t.budget], rows, { numeric: [4, 6] })}`;
}

export function areasSection(ctx: ReportContext): string {
  const tracking = ctx.input.tracking;
  const { t } = ctx;
  if (!tracking) return `<p>${escapeHtml(t.noTracking)}</p>`;
  const out: string[] = [];
  for (const area of TRACKING_AREAS) {
    const indicators = tracking.result.indicators.map((progress, index) => ({ progress, index })).filter(({ progress }) => progress.area === area);
    if (indicators.length === 0) continue;
    const rows = indicators.map(({ progress, index }) => {
      const indicator = tracking.tracking.indicators.find((each) => each.id === progress.indicator);
      return [escapeHtml(indicator ? trackedText(indicator.name, ctx.lang) : progress.indicator), escapeHtml(indicator?.unit ?? ''), ...progressCells(ctx, progress, indicator, ['indicators', index])];
    });
    out.push(`<h3>${escapeHtml(t.areaNames[area])}</h3>`, table([t.indicator, t.unit, t.latest, t.goal, t.progress, t.expected, t.status], rows, { numeric: [2, 3, 4, 5] }));
  }
  return out.join('\n');
}

export function adaptationSection(ctx: ReportContext): string {
  const tracking = ctx.input.tracking;
  const { t } = ctx;
  if (!tracking) return `<p>${escapeHtml(t.noTracking)}</p>`;
  const source = trackingSource(ctx);
  const rows = tracking.result.hazards.map((risk, index) => {
    const hazard = tracking.tracking.hazards.find((each) => each.id === risk.hazard);
    const actions = risk.actions.map((id) => {
      const action = tracking.tracking.actions.find((each) => each.id === id);
      return action ? trackedText(action.name, ctx.lang) : id;
    });
    return [
      escapeHtml(hazard ? trackedText(hazard.name, ctx.lang) : risk.hazard),
      ctx.at('tracking', tracking.result, source, ['hazards', index, 'score'], 'count'),
      escapeHtml(t.levels[risk.rating]),
      escapeHtml(actions.join(ctx.lang === 'zh' ? '；' : '; ') || '—'),
    ];
  });
  return table([t.hazard, t.risk, t.rating, t.adaptationActions], rows, { numeric: [1] });
}

export function cooperationSection(ctx: ReportContext): string {
  const tracking = ctx.input.tracking;
  const { t } = ctx;
  if (!tracking) return `<p>${escapeHtml(t.noTracking)}</p>`;
  const rows = tracking.tracking.cooperation.map((item) => [String(item.year), escapeHtml(trackedText(item.text, ctx.lang)), escapeHtml(item.partners.join(ctx.lang === 'zh' ? '、' : ', '))]);
  return table([t.year, ctx.lang === 'zh' ? '事项' : 'Item', t.partners], rows);
}
