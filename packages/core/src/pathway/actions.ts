import { formatPath, type Path } from '../issues/issue.ts';
import { GENERATION_SOURCES } from '../official/types.ts';
import type { Assumption } from '../inventory/types.ts';
import { GJ_PER_MWH, type LineDraft } from './calibrate.ts';
import { EFFECTS_PER_ACTION, MODEL_GASES, type ActionModel, type AdoptionModel, type EffectModel } from './model.ts';
import { typeName } from '../reading/reader.ts';
import { bilingualName, entries, known } from './read-fields.ts';
import type { PathwayReader } from './read-series.ts';
import { carrierName } from '../text/names-plan.ts';

export interface ActionContext {
  readonly sectorIds: readonly string[];
  readonly driverIds: readonly string[];
  /** Per sector, its carriers and their base tce; a switch to a carrier the sector lacks adds it here with 0 tce. */
  readonly carriers: { names: string[]; energy: number[] }[];
  /** The calibrated lines; a carrier added to a sector gets a line here, with factors from the inventory's other lines of it. */
  readonly lines: LineDraft[];
  readonly statements: Assumption[];
}

export interface ReadAction {
  readonly id: string;
  readonly model: ActionModel;
  /** For stock turnover: the stock driver's id (its index is known once the drivers are ordered). */
  readonly stockDriver?: string | undefined;
}

const ACTION_FIELDS = new Set(['name', 'adoption', 'effects', 'note', 'source']);
const ADOPTION_FIELDS = new Set(['start', 'full', 'level', 'shape', 'rate', 'stock', 'lifetime']);
const EFFECT_TYPES = ['efficiency', 'activity', 'switch', 'emissions', 'generation', 'removal', 'plant'] as const;
const EFFECT_FIELDS: Record<(typeof EFFECT_TYPES)[number], readonly string[]> = {
  efficiency: ['sector', 'carrier', 'reduction'],
  activity: ['sector', 'reduction'],
  switch: ['sector', 'from', 'to', 'share', 'ratio'],
  emissions: ['sector', 'carrier', 'gas', 'reduction'],
  generation: ['value', 'unit'],
  removal: ['value', 'unit'],
  plant: ['source', 'amount', 'unit', 'share'],
};

/**
 * Reads `actions`: each an adoption curve (how far the measure has gone, year by year, 0–1) and the
 * effects it has at full adoption on the model's levers.
 */
export function readActions(values: PathwayReader, raw: unknown, context: ActionContext): ReadAction[] {
  const { reader } = values;
  const actions: ReadAction[] = [];
  for (const [id, value] of entries(reader, raw, ['actions'], false)) {
    const path = ['actions', id];
    const fields = reader.object(value, path);
    if (!fields) continue;
    reader.onlyFields(fields, ACTION_FIELDS, path);
    reader.string(fields, 'note', path, false);
    reader.string(fields, 'source', path, false);
    const adoption = readAdoption(values, fields['adoption'], [...path, 'adoption'], context);
    const effects: EffectModel[] = [];
    const list = fields['effects'];
    if (!Array.isArray(list) || list.length === 0) {
      reader.report([...path, 'effects'], list === undefined ? { code: 'required' } : { code: 'type', expected: 'array', got: Array.isArray(list) ? 'an empty array' : typeName(list) });
    } else if (list.length > EFFECTS_PER_ACTION) {
      reader.report([...path, 'effects'], { code: 'out-of-range', min: 1, max: EFFECTS_PER_ACTION, got: list.length });
    } else {
      const seen = new Map<string, Path>();
      list.forEach((effect: unknown, i) => {
        const at = [...path, 'effects', i];
        const read = readEffect(values, effect, at, context);
        if (!read) return;
        // The same lever on the same sector (and carrier, gas) twice in one action would apply twice.
        if (effectKeys(read, context).every((key) => reader.distinct(seen, key, at))) effects.push(read);
      });
    }
    if (adoption) actions.push({ id, model: { id, name: bilingualName(reader, fields['name'], [...path, 'name'], id), adoption: adoption.model, effects }, stockDriver: adoption.stockDriver });
  }
  return actions;
}

/** What an effect acts on, as the keys no other effect of the action may share (a switch: each carrier it takes from). */
function effectKeys(effect: EffectModel, context: ActionContext): string[] {
  if (effect.kind === 'generation' || effect.kind === 'removal') return [effect.kind];
  if (effect.kind === 'plant') return [`plants of ${GENERATION_SOURCES[effect.source]!}`];
  const sector = context.sectorIds[effect.sector]!;
  const carrier = (index: number): string => (index < 0 ? 'all carriers' : (context.carriers[effect.sector]?.names[index] ?? String(index)));
  switch (effect.kind) {
    case 'efficiency':
      return [`efficiency of ${sector}, ${carrier(effect.carrier)}`];
    case 'emissions':
      return [`emissions of ${sector}, ${carrier(effect.carrier)}, ${effect.gas < 0 ? 'all gases' : MODEL_GASES[effect.gas]!}`];
    case 'activity':
      return [`activity of ${sector}`];
    case 'switch':
      return Array.from(effect.from, (from) => `switch from ${carrier(from)} in ${sector}`);
    default: {
      const unhandled: never = effect;
      return [String(unhandled)];
    }
  }
}

function readAdoption(values: PathwayReader, raw: unknown, path: Path, context: ActionContext): { model: AdoptionModel; stockDriver?: string } | undefined {
  const { reader, params, baseYear, endYear } = values;
  const fields = reader.object(raw, path);
  if (!fields) return undefined;
  reader.onlyFields(fields, ADOPTION_FIELDS, path);
  const years = endYear - baseYear + 1;
  const start = fields['start'] === undefined ? void reader.report([...path, 'start'], { code: 'required' }) : values.year(fields['start'], [...path, 'start'], baseYear + 1);
  const level = fields['level'] === undefined ? params.constant(`${formatPath(path)}.level (full adoption)`, 1) : values.parameter(fields['level'], [...path, 'level'], { percent: true, min: 0, max: 1 });
  if (fields['rate'] !== undefined) {
    for (const field of ['full', 'shape', 'stock', 'lifetime']) if (fields[field] !== undefined) reader.report([...path, field], { code: 'conflict', fields: ['rate', field] });
    const rate = values.parameter(fields['rate'], [...path, 'rate'], { percent: true, min: 0, max: 1 });
    if (start === undefined || rate === undefined || level === undefined) return undefined;
    const elapsed = new Float64Array(years);
    for (let y = 0; y < years; y++) elapsed[y] = Math.max(0, baseYear + y - start + 1);
    return { model: { kind: 'rate', level, rate, elapsed } };
  }
  const full = fields['full'] === undefined ? void reader.report([...path, 'full'], { code: 'required' }) : values.year(fields['full'], [...path, 'full'], start ?? baseYear + 1);
  const shape = reader.choice(fields, 'shape', path, ['linear', 's-curve'] as const, false) ?? 'linear';
  if (start === undefined || full === undefined || level === undefined) return undefined;
  const curve = new Float64Array(years);
  for (let y = 0; y < years; y++) {
    const x = Math.min(1, Math.max(0, (baseYear + y - start + 1) / (full - start + 1)));
    curve[y] = shape === 'linear' ? x : x * x * (3 - 2 * x);
  }
  if (fields['stock'] === undefined) {
    if (fields['lifetime'] !== undefined) reader.report([...path, 'lifetime'], { code: 'not-applicable', field: 'lifetime', reason: 'stock-only' });
    return { model: { kind: 'ramp', level, shape: curve } };
  }
  const stock = reader.string(fields, 'stock', path, true);
  const lifetime = fields['lifetime'] === undefined ? void reader.report([...path, 'lifetime'], { code: 'required' }) : values.parameter(fields['lifetime'], [...path, 'lifetime'], { percent: false, min: 1, max: 200 });
  if (stock === undefined || !known(reader, 'driver', stock, context.driverIds, [...path, 'stock']) || lifetime === undefined) return undefined;
  // The driver's index is its position once the drivers are ordered: set when the model is compiled.
  return { model: { kind: 'stock', stock: -1, lifetime, level, shape: curve }, stockDriver: stock };
}

function readEffect(values: PathwayReader, raw: unknown, path: Path, context: ActionContext): EffectModel | undefined {
  const { reader, params } = values;
  const fields = reader.object(raw, path);
  if (!fields) return undefined;
  const type = reader.choice(fields, 'type', path, EFFECT_TYPES, true);
  if (type === undefined) return undefined;
  reader.onlyFields(fields, new Set(['type', 'note', 'source', ...EFFECT_FIELDS[type]]), path);
  reader.string(fields, 'note', path, false);
  reader.string(fields, 'source', path, false);
  const sector = (): number | undefined => {
    const id = reader.string(fields, 'sector', path, true);
    return id !== undefined && known(reader, 'sector', id, context.sectorIds, [...path, 'sector']) ? context.sectorIds.indexOf(id) : undefined;
  };
  const fraction = (key: string, required: boolean, fallback?: { value: number; statement: Assumption }): number | undefined => {
    if (fields[key] === undefined) {
      if (fallback) {
        context.statements.push(fallback.statement);
        return params.constant(`${formatPath(path)}.${key}`, fallback.value);
      }
      if (required) reader.report([...path, key], { code: 'required' });
      return undefined;
    }
    return values.parameter(fields[key], [...path, key], { percent: true, min: 0, max: key === 'ratio' ? Infinity : 1 });
  };
  const carrierIn = (s: number, at: Path, value: unknown): number | undefined => {
    if (typeof value !== 'string') {
      reader.report(at, { code: 'type', expected: 'string', got: typeName(value) });
      return undefined;
    }
    return known(reader, 'carrier', value, context.carriers[s]?.names ?? [], at) ? context.carriers[s]!.names.indexOf(value) : undefined;
  };

  switch (type) {
    case 'efficiency':
    case 'emissions': {
      const s = sector();
      const reduction = fraction('reduction', true);
      const carrier = s === undefined || fields['carrier'] === undefined ? -1 : carrierIn(s, [...path, 'carrier'], fields['carrier']);
      const gas = type === 'emissions' ? reader.choice(fields, 'gas', path, MODEL_GASES, false) : undefined;
      if (s === undefined || reduction === undefined || carrier === undefined) return undefined;
      if (type === 'efficiency') return { kind: 'efficiency', sector: s, carrier, reduction };
      return { kind: 'emissions', sector: s, carrier, gas: gas === undefined ? -1 : MODEL_GASES.indexOf(gas), reduction };
    }
    case 'activity': {
      const s = sector();
      const reduction = fraction('reduction', true);
      return s === undefined || reduction === undefined ? undefined : { kind: 'activity', sector: s, reduction };
    }
    case 'switch': {
      const s = sector();
      const share = fraction('share', false, { value: 1, statement: statement(path, 'share', 'all of the source carriers\' energy is switched at full adoption (no `share`)', '未给出 `share`，完全采用时全部替代源能源') });
      const ratio = fraction('ratio', false, { value: 1, statement: statement(path, 'ratio', 'one tce of the new carrier replaces one tce of the old (no `ratio`)', '未给出 `ratio`，按 1 吨标准煤替代 1 吨标准煤计') });
      if (s === undefined) return undefined;
      const fromList = typeof fields['from'] === 'string' ? [fields['from']] : fields['from'];
      if (!Array.isArray(fromList) || fromList.length === 0) {
        reader.report([...path, 'from'], fields['from'] === undefined ? { code: 'required' } : { code: 'type', expected: 'array', got: typeName(fields['from']) });
        return undefined;
      }
      const from = fromList.map((carrier: unknown, i) => carrierIn(s, typeof fields['from'] === 'string' ? [...path, 'from'] : [...path, 'from', i], carrier));
      // The same carrier twice would be switched twice: a contradiction, not a sum.
      const seen = new Map<string, Path>();
      const distinct = from.every((carrier, i) => carrier === undefined || reader.distinct(seen, String(fromList[i]), [...path, 'from', i]));
      const to = fields['to'] === undefined ? void reader.report([...path, 'to'], { code: 'required' }) : addCarrier(values, s, fields['to'], [...path, 'to'], context);
      if (!distinct || from.some((c) => c === undefined) || to === undefined || share === undefined || ratio === undefined) return undefined;
      return { kind: 'switch', sector: s, from: Int32Array.from(from as number[]), to, share, ratio };
    }
    case 'generation':
    case 'removal': {
      const unit = values.unit(fields, path, type === 'generation' ? ['energy'] : ['emissions', 'mass']);
      // Generation in MWh (energy base unit is GJ); removals in tCO2e.
      const scale = unit === undefined ? 1 : type === 'generation' ? unit.toBase / GJ_PER_MWH : unit.toBase;
      const amount = fields['value'] === undefined ? void reader.report([...path, 'value'], { code: 'required' }) : values.parameter(fields['value'], [...path, 'value'], { percent: false, min: 0, scale });
      if (unit === undefined || amount === undefined) return undefined;
      return { kind: type, amount };
    }
    case 'plant': {
      // Local plants built (amount > 0) or retired (amount < 0, or a negative share of the source's projected generation).
      const source = reader.choice(fields, 'source', path, GENERATION_SOURCES, true);
      if (fields['amount'] !== undefined && fields['share'] !== undefined) return void reader.report(path, { code: 'conflict', fields: ['amount', 'share'] });
      if (fields['share'] !== undefined) {
        if (fields['unit'] !== undefined) reader.report([...path, 'unit'], { code: 'not-applicable', field: 'unit', reason: 'plant-share' });
        const share = values.parameter(fields['share'], [...path, 'share'], { percent: true, min: -1 });
        return source === undefined || share === undefined ? undefined : { kind: 'plant', source: GENERATION_SOURCES.indexOf(source), amount: share, relative: true };
      }
      const unit = values.unit(fields, path, ['energy']);
      const amount = fields['amount'] === undefined ? void reader.report([...path, 'amount'], { code: 'required' }) : values.parameter(fields['amount'], [...path, 'amount'], { percent: false, scale: unit === undefined ? 1 : unit.toBase / GJ_PER_MWH });
      if (source === undefined || unit === undefined || amount === undefined) return undefined;
      return { kind: 'plant', source: GENERATION_SOURCES.indexOf(source), amount, relative: false };
    }
    default: {
      const unhandled: never = type;
      throw new Error(`unknown effect ${String(unhandled)}`);
    }
  }
}

function statement(path: Path, key: string, en: string, zh: string): Assumption {
  const where = formatPath(path);
  return { code: `default-${key}`, text: { en: `${where}: ${en}`, zh: `\`${where}\`：${zh}` } };
}

/**
 * The carrier a switch goes to. A carrier the sector does not use yet is added with no base-year
 * energy; its emission factors per tce are those of the inventory's other lines of that carrier
 * (stated), and a carrier the inventory does not have at all is an error.
 */
function addCarrier(values: PathwayReader, s: number, raw: unknown, path: Path, context: ActionContext): number | undefined {
  const { reader } = values;
  if (typeof raw !== 'string') {
    reader.report(path, { code: 'type', expected: 'string', got: typeName(raw) });
    return undefined;
  }
  const own = context.carriers[s]!;
  const existing = own.names.indexOf(raw);
  if (existing >= 0) return existing;
  const donors = context.lines.filter((line) => line.carrier === raw && line.tce > 0);
  if (donors.length === 0) {
    reader.report(path, { code: 'missing-carrier', carrier: raw, sector: context.sectorIds[s]! });
    return undefined;
  }
  const sum = (pick: (line: LineDraft) => number): number => donors.reduce((total, line) => total + pick(line), 0);
  const tce = sum((line) => line.tce);
  const first = donors[0]!;
  const sectorBasic = context.lines.some((line) => line.sector === s && line.basic);
  context.lines.push({
    sector: s,
    carrier: raw,
    electricity: first.electricity,
    basic: sectorBasic,
    scope: first.scope,
    ch4Weight: first.ch4Weight,
    rows: new Set(),
    rowTce: new Map(),
    tce: 0,
    co2: 0,
    ch4: 0,
    n2o: 0,
    other: 0,
    mwh: 0,
    officialCo2: 0,
    fossilTce: 0,
    officialMwh: 0,
    perTce: {
      co2: sum((line) => line.co2) / tce,
      ch4: sum((line) => line.ch4) / tce,
      n2o: sum((line) => line.n2o) / tce,
      other: sum((line) => line.other) / tce,
      mwh: sum((line) => line.mwh) / tce,
      officialCo2: sum((line) => line.officialCo2) / tce,
      fossilTce: sum((line) => line.fossilTce) / tce,
      officialMwh: sum((line) => line.officialMwh) / tce,
    },
  });
  context.statements.push({
    code: 'carrier-borrowed',
    text: {
      en: `${context.sectorIds[s]} has no ${raw} in the inventory: switched-in ${raw} takes the inventory's average factors per tce of ${raw} elsewhere (scope ${first.scope})`,
      zh: `清单中部门 \`${context.sectorIds[s]}\` 无${carrierName(raw, 'zh')}：替代进入的${carrierName(raw, 'zh')}采用清单其他部门${carrierName(raw, 'zh')}的平均单位标煤排放因子（范围${first.scope}）`,
    },
  });
  own.names.push(raw);
  own.energy.push(0);
  return own.names.length - 1;
}
