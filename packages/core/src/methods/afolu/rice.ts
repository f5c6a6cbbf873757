import type { Path } from '../../issues/issue.ts';
import { parseUnit } from '../../units/units.ts';
import type { MethodCalculator } from '../method.ts';
import { MethodWork } from '../method.ts';
import { factorOrDefault, libraryValueAt, type Label } from './values.ts';

const WATER_REGIMES = ['continuously-flooded', 'single-aeration', 'multiple-aeration', 'rainfed-regular', 'deep-water'] as const;
const PRE_SEASON = ['not-flooded-under-180d', 'not-flooded-over-180d', 'flooded-over-30d'] as const;
const AMENDMENTS = ['straw-under-30d', 'straw-over-30d', 'compost', 'farmyard-manure', 'green-manure'] as const;
const AMENDMENT_FIELDS: ReadonlySet<string> = new Set(['type', 'rate', 'conversionFactor']);

/** The exponent of Eq 5.3. */
const SFO_EXPONENT = 0.59;

/**
 * Rice cultivation CH4 (GPC V.3.1), IPCC 2006 Vol.4 Ch.5, §5.5, Tier 1:
 *   CH4 = EF_i × t × A  (Eq 5.1),   EF_i = EF_c × SF_w × SF_p × SF_o  (Eq 5.2)
 *   SF_o = (1 + Σ ROA_i × CFOA_i)^0.59  (Eq 5.3)
 * A the harvested area, t the cultivation period (days), EF_c 1.30 kg CH4/ha/day (Table 5.11),
 * SF_w by water regime during cultivation (Table 5.12), SF_p by pre-season water regime (Table 5.13),
 * ROA the rate of each organic amendment (t/ha: dry weight for straw, fresh weight for others) and
 * CFOA its conversion factor (Table 5.14). The water regimes have no Tier 1 default here: the line
 * names them, or gives its own scaling factor. SF_s,r (soil type, cultivar) is not applied.
 * One line per season (early, late, single rice).
 *
 * `baselineFactor` on the line is a daily rate written with its time unit (`kg/ha/day`), so a
 * seasonal figure is never multiplied by the days. A seasonal factor that already includes the water
 * regime and amendments (as China's provincial guideline gives by region) goes in `seasonalFactor`
 * (`kg/ha`): CH4 = EF_season × A, and the daily-rate fields do not apply.
 */
export const riceCultivation: MethodCalculator = {
  id: 'rice-cultivation',
  name: { en: 'Rice cultivation CH4 (IPCC 2006 Vol.4 Ch.5)', zh: '稻田 CH4（IPCC 2006 第4卷第5章）' },
  rows: ['V.3.1'],
  fields: ['area', 'days', 'waterRegime', 'waterFactor', 'preSeason', 'preSeasonFactor', 'amendments', 'baselineFactor', 'seasonalFactor'],
  compute(input) {
    const work = new MethodWork(input, 'rice-cultivation');
    const { reader, path, fields } = input;
    if (fields['seasonalFactor'] !== undefined) return seasonal(work);
    const area = work.quantity('area', ['area']);
    const days = work.quantity('days', ['time']);
    if (days && days.value > 366) reader.report([...path, 'days'], { code: 'out-of-range', min: 0, max: 366, got: days.value });
    const baseline =
      fields['baselineFactor'] !== undefined
        ? dailyRate(work)
        : factorOrDefault(work, {
            field: 'baselineFactor',
            dimension: 'mass/area',
            criteria: { parameter: 'ef-baseline' },
            label: { en: 'baseline CH4 factor EFc, per day of cultivation', zh: '基准 CH4 排放因子 EFc（每天）' },
          });
    const water = scalingFactor(work, 'waterRegime', 'waterFactor', WATER_REGIMES, 'sf-water', { en: 'SFw, water regime', zh: 'SFw（种植期水分管理）' });
    const preSeason = scalingFactor(work, 'preSeason', 'preSeasonFactor', PRE_SEASON, 'sf-preseason', { en: 'SFp, pre-season water regime', zh: 'SFp（种植前水分状况）' });
    const organic = organicScalingFactor(work);
    if (area === undefined || days === undefined || baseline === undefined || water === undefined || preSeason === undefined || organic === undefined) {
      return work.finish({}, 'non-fossil');
    }
    const dailyFactor = baseline * water * preSeason * organic; // t CH4 per ha per day
    return work.finish({ ch4: dailyFactor * days.value * area.value }, 'non-fossil');
  },
};

/** `baselineFactor` as `{ value, unit: "kg/ha/day" }`: a mass per area per time, in t per ha per day. */
function dailyRate(work: MethodWork): number | undefined {
  const { reader, fields, path } = work.input;
  const at: Path = [...path, 'baselineFactor'];
  const pair = reader.object(fields['baselineFactor'], at);
  if (!pair) return undefined;
  const value = reader.number(pair, 'value', at, { required: true });
  const spelling = reader.string(pair, 'unit', at, true);
  if (value === undefined || spelling === undefined) return undefined;
  const parts = spelling.split('/');
  const perArea = parts.length === 3 ? parseUnit(`${parts[0]}/${parts[1]}`) : undefined;
  const time = parts.length === 3 ? parseUnit(parts[2]!) : undefined;
  if (perArea?.dimension !== 'mass/area' || time?.dimension !== 'time') {
    reader.report([...at, 'unit'], { code: 'wrong-dimension', unit: spelling, got: parseUnit(spelling)?.dimension ?? spelling, expected: ['mass/area/time (e.g. kg/ha/day)'] });
    return undefined;
  }
  work.factors.push({ id: 'line:baselineFactor', value, unit: spelling, source: work.input.lineSource ?? 'given on the line' });
  return (value * perArea.toBase) / time.toBase;
}

/** A seasonal factor (kg/ha per season, water regime and amendments included): CH4 = EF × A. */
function seasonal(work: MethodWork) {
  const { reader, fields, path } = work.input;
  for (const field of ['days', 'waterRegime', 'waterFactor', 'preSeason', 'preSeasonFactor', 'amendments', 'baselineFactor']) {
    if (fields[field] !== undefined) reader.report([...path, field], { code: 'conflict', fields: ['seasonalFactor', field] });
  }
  const area = work.quantity('area', ['area']);
  const factor = work.quantity('seasonalFactor', ['mass/area']);
  if (factor) work.listGiven('seasonalFactor', factor.given);
  if (area === undefined || factor === undefined) return work.finish({}, 'non-fossil');
  work.state({
    code: 'rice-seasonal-factor',
    text: {
      en: 'seasonal CH4 factor given on the line, taken to include water regime and organic amendments: no IPCC scaling factors applied',
      zh: '该行给出单季排放因子，视为已含水分管理与有机肥影响，不再乘以 IPCC 调整系数',
    },
  });
  return work.finish({ ch4: area.value * factor.value }, 'non-fossil');
}

/** A scaling factor named by category (`categoryField`, from the library) or given as a number (`factorField`). */
function scalingFactor(work: MethodWork, categoryField: string, factorField: string, allowed: readonly string[], parameter: string, label: Label): number | undefined {
  const { reader, fields, path } = work.input;
  const named = fields[categoryField] !== undefined;
  if (named && fields[factorField] !== undefined) {
    reader.report([...path, factorField], { code: 'conflict', fields: [categoryField, factorField] });
    return undefined;
  }
  if (!named) {
    if (fields[factorField] === undefined) {
      reader.report([...path, categoryField], { code: 'required' });
      return undefined;
    }
    return work.number(factorField, undefined, { min: 0, max: 10 });
  }
  const name = reader.string(fields, categoryField, path, true);
  const category = name === undefined ? undefined : work.category(name, allowed, [...path, categoryField]);
  if (category === undefined) return undefined;
  return work.libraryValue(categoryField, { parameter, category }, { en: `${label.en}: ${category}`, zh: `${label.zh}：${category}` })?.toBase;
}

/** SF_o of Eq 5.3 from the line's amendments; 1 without any, stated. */
function organicScalingFactor(work: MethodWork): number | undefined {
  const { reader, fields, path } = work.input;
  const list = fields['amendments'];
  if (list === undefined) {
    work.state({
      code: 'rice-no-organic-amendments',
      text: { en: 'no organic amendments given: SFo = 1', zh: '未填写有机改良物：SFo = 1' },
    });
    return 1;
  }
  const at = [...path, 'amendments'];
  if (!Array.isArray(list)) {
    reader.report(at, { code: 'type', expected: 'array', got: list === null ? 'null' : typeof list });
    return undefined;
  }
  let sum = 0;
  let complete = true;
  list.forEach((entry: unknown, index) => {
    const term = amendmentTerm(work, entry, [...at, index]);
    if (term === undefined) complete = false;
    else sum += term;
  });
  return complete ? (1 + sum) ** SFO_EXPONENT : undefined;
}

/** ROA × CFOA for one amendment, ROA in t/ha. */
function amendmentTerm(work: MethodWork, entry: unknown, at: Path): number | undefined {
  const { reader } = work.input;
  const holder = reader.object(entry, at);
  if (!holder) return undefined;
  reader.onlyFields(holder, AMENDMENT_FIELDS, at);
  const name = reader.string(holder, 'type', at, true);
  const type = name === undefined ? undefined : work.category(name, AMENDMENTS, [...at, 'type']);
  const rate = work.quantity('rate', ['mass/area'], { fields: holder, path: at });
  if (type === undefined) return undefined;
  let conversion: number | undefined;
  if (holder['conversionFactor'] !== undefined) {
    conversion = reader.number(holder, 'conversionFactor', at, { required: true, min: 0, max: 10 });
    if (conversion !== undefined) work.factors.push({ id: `line:amendments[${String(at.at(-1))}].conversionFactor`, value: conversion, unit: '1', source: work.input.lineSource ?? 'given on the line' });
  } else {
    conversion = libraryValueAt(work, at, 'conversionFactor', { parameter: 'cfoa', category: type }, { en: `CFOA, ${type}`, zh: `CFOA（${type}）` });
  }
  return rate === undefined || conversion === undefined ? undefined : rate.value * conversion;
}
