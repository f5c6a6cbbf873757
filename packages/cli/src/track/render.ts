import {
  ACTION_PHASE_NAMES,
  ACTION_STATUS_NAMES,
  FRESHNESS_NAMES,
  LEVEL_NAMES,
  progressText,
  PROGRESS_STATUS_NAMES,
  starterIndicators,
  trackedText,
  TRACKING_AREA_NAMES,
  TRACKING_AREAS,
  withUnit,
  type Indicator,
  type Lang,
  type Observation,
  type Tracking,
  type TrackingResult,
} from '@peakpath/core';
import { formatSignificant, renderTable } from '../format/table.ts';
import { TRACK_LABELS } from './labels.ts';

/** A figure as the file wrote it (up to six decimals), with thousands separators. */
const figure = (value: number, lang: Lang): string => new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 6 }).format(value);

/** A value in its unit; a percentage as `16.5%`, in either language. */
const inUnit = (value: string, unit: string, lang: Lang): string => (unit === '%' ? `${value}%` : withUnit(value, unit, lang));

/** Text after a name, in brackets: full-width in Chinese. */
const bracketed = (text: string, lang: Lang): string => (lang === 'zh' ? `（${text}）` : ` (${text})`);

/** `16.5% (2024)`: an observation in its unit, with its year; a dash without one. */
const observed = (observation: Observation | null, unit: string, lang: Lang): string => (observation === null ? '—' : `${inUnit(figure(observation.value, lang), unit, lang)}${bracketed(String(observation.year), lang)}`);

/** Where progress should be by now (the straight line): a plain share, not "achieved". */
const share = (value: number | null): string => (value === null ? '—' : `${Math.round(value * 100)}%`);

/** `peakpath track FILE`: targets, indicators by area, actions, hazards and the rules used, at `asOf`. */
export function renderTracking(tracking: Tracking, result: TrackingResult, asOfFrom: 'option' | 'today', lang: Lang): string {
  const t = TRACK_LABELS[lang];
  const indicators = new Map(tracking.indicators.map((indicator) => [indicator.id, indicator]));
  const unitOf = (id: string): string => indicators.get(id)?.unit ?? '';
  const progress = (value: number | null): string => (value === null ? '—' : progressText(value, lang));
  const perYear = (value: number | null, unit: string): string => (value === null ? '—' : inUnit(formatSignificant(value, lang, 3), unit, lang));
  const comma = lang === 'zh' ? '，' : ', ';
  const out: string[] = [`${t.title(trackedText(tracking.city, lang), result.asOf)}${asOfFrom === 'option' ? t.asOfOption : t.asOfToday}`];

  if (result.targets.length > 0) {
    const targets = new Map(tracking.targets.map((target) => [target.id, target]));
    const rows = result.targets.map((entry) => {
      const target = targets.get(entry.target);
      const unit = unitOf(entry.indicator);
      return [
        `${target ? trackedText(target.name, lang) : entry.target}${bracketed(entry.target, lang)}`,
        `${observed(entry.goal, unit, lang)}${comma}${t.goalFrom[entry.goalFrom]}`,
        observed(entry.latest, unit, lang),
        progress(entry.progress),
        share(entry.expected),
        PROGRESS_STATUS_NAMES[entry.status][lang],
      ];
    });
    out.push('', t.targetsTitle, renderTable(t.targetsHeader, rows, ['left', 'left', 'right', 'right', 'right', 'left']));
  }

  out.push('', t.indicatorsTitle);
  for (const area of TRACKING_AREAS) {
    const entries = result.indicators.filter((entry) => entry.area === area);
    if (entries.length === 0) continue;
    const rows = entries.map((entry) => {
      const indicator = indicators.get(entry.indicator);
      const unit = unitOf(entry.indicator);
      return [
        `${indicator ? trackedText(indicator.name, lang) : entry.indicator}${bracketed(entry.indicator, lang)}`,
        observed(entry.latest, unit, lang),
        observed(entry.goal, unit, lang),
        progress(entry.progress),
        perYear(entry.neededPerYear, unit),
        perYear(entry.achievedPerYear, unit),
        PROGRESS_STATUS_NAMES[entry.status][lang],
        updateText(indicator, entry.overdue, lang),
      ];
    });
    out.push('', `${TRACKING_AREA_NAMES[area][lang]}`, renderTable(t.indicatorsHeader, rows, ['left', 'right', 'right', 'right', 'right', 'right', 'left', 'left']));
  }

  if (result.actions.length > 0) {
    const actions = new Map(tracking.actions.map((action) => [action.id, action]));
    const rows = result.actions.map((entry) => {
      const action = actions.get(entry.action);
      const tasks = entry.tasks.total === 0 ? '—' : `${entry.tasks.done}/${entry.tasks.total}${entry.tasks.overdue > 0 ? `${comma}${t.tasksOverdue(entry.tasks.overdue)}` : ''}`;
      const update = entry.lastUpdate === null ? FRESHNESS_NAMES[entry.freshness][lang] : `${FRESHNESS_NAMES[entry.freshness][lang]}${comma}${t.daysAgo(entry.daysSinceUpdate ?? 0)}`;
      return [
        `${action ? trackedText(action.name, lang) : entry.action}${bracketed(entry.action, lang)}`,
        action?.lead ?? '',
        action ? ACTION_PHASE_NAMES[action.phase][lang] : '',
        `${ACTION_STATUS_NAMES[entry.status][lang]}${bracketed(entry.statusFrom === 'stated' ? t.stated : t.derived, lang)}`,
        tasks,
        update,
        entry.budgetShare === null ? '—' : `${figure(Math.round(entry.budgetShare * 100), lang)}%`,
      ];
    });
    out.push('', t.actionsTitle, renderTable(t.actionsHeader, rows, ['left', 'left', 'left', 'left', 'right', 'left', 'right']));
  }

  if (result.hazards.length > 0) {
    const hazards = new Map(tracking.hazards.map((hazard) => [hazard.id, hazard]));
    const rows = result.hazards.map((entry) => {
      const hazard = hazards.get(entry.hazard);
      return [`${hazard ? trackedText(hazard.name, lang) : entry.hazard}${bracketed(entry.hazard, lang)}`, String(entry.score), LEVEL_NAMES[entry.rating][lang], entry.actions.length === 0 ? t.noActions : entry.actions.join(lang === 'zh' ? '、' : ', ')];
    });
    out.push('', t.hazardsTitle, renderTable(t.hazardsHeader, rows, ['left', 'right', 'left', 'left']));
  }

  out.push('', t.rulesTitle(result.rules), ...t.rules(result.rules));
  return `${out.join('\n')}\n`;
}

/** An indicator's next update: overdue, or when it is due; a dash when the file sets no date. */
function updateText(indicator: Indicator | undefined, overdue: boolean, lang: Lang): string {
  const t = TRACK_LABELS[lang];
  const next = indicator?.nextUpdate;
  if (next === undefined) return '—';
  return overdue ? t.overdue(next) : t.due(next);
}

/** `peakpath track --starter`: the starter indicators by area, with unit, direction and the source of each definition. */
export function renderStarter(lang: Lang): string {
  const t = TRACK_LABELS[lang];
  const out: string[] = [t.starterTitle];
  for (const area of TRACKING_AREAS) {
    const indicators = starterIndicators(area);
    if (indicators.length === 0) continue;
    const rows = indicators.map((indicator) => [indicator.id, indicator.name[lang], indicator.unit, t.direction[indicator.direction], indicator.official ?? '', indicator.definitionSource]);
    out.push('', TRACKING_AREA_NAMES[area][lang], renderTable(t.starterHeader, rows, ['left', 'left', 'left', 'left', 'left', 'left']));
    for (const indicator of indicators) {
      if (indicator.national) out.push(`  ${indicator.id}: ${t.national(indicator.national.year, inUnit(figure(indicator.national.value, lang), indicator.unit, lang), indicator.national.marker, indicator.national.source)}`);
    }
  }
  return `${out.join('\n')}\n`;
}
