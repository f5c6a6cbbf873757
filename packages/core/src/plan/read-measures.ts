import type { Path } from '../issues/issue.ts';
import { typeName, type Fields, type Reader } from '../reading/reader.ts';
import { known } from '../pathway/read-fields.ts';
import { convert, parseUnit, type Unit } from '../units/units.ts';
import type { Catalogue, CatalogueMeasure } from './catalogue.ts';
import { restateCost, type UnitCost } from './costs.ts';
import type { EnergyPrice, Quantity } from './definitions.ts';
import { percentNumber } from './read-settings.ts';
import { priceText } from '../text/names-plan.ts';

/**
 * A plan's measures, field by field: the pathway action each becomes (the catalogue's levers on the
 * plan's sector, or the measure's own effects), its quantity, its costs restated, its lifetime.
 */

export const MEASURE_FIELDS = new Set(['catalogue', 'name', 'adoption', 'quantity', 'sector', 'effects', 'costs', 'limits', 'yesNo', 'requires', 'excludes', 'scores', 'note', 'source', 'generationPrice']);
export const COST_FIELDS = ['capex', 'opex', 'savings'] as const;

export interface MeasureDraft {
  readonly id: string;
  readonly fields: Fields;
  readonly entry: CatalogueMeasure | undefined;
  readonly unit: Unit;
  /** The pathway action the measure becomes. */
  readonly action: Fields;
  /** True when the effects come from the catalogue's levers (their problems point at `sector` or `catalogue`). */
  readonly fromLevers: boolean;
  readonly limits: { readonly min: number; readonly max: number };
  /** `yesNo: true`: all or nothing (x is 0 or `max`). Version 1 plans said `lumpy` (reading/versions.ts). */
  readonly yesNo: boolean;
}

export function measurePath(draft: MeasureDraft, rest: Path): Path {
  const base = ['measures', draft.id];
  if (!draft.fromLevers || rest[0] !== 'effects') return [...base, ...rest];
  return rest[2] === 'sector' ? [...base, 'sector'] : [...base, 'catalogue'];
}

export function readMeasure(reader: Reader, id: string, fields: Fields, entry: CatalogueMeasure | undefined, path: Path, pathwayTop: Fields | undefined): MeasureDraft | undefined {
  const quantity = fields['quantity'] === undefined ? undefined : reader.object(fields['quantity'], [...path, 'quantity']);
  if (fields['quantity'] === undefined) reader.report([...path, 'quantity'], { code: 'required' });
  let unit = entry ? parseUnit(entry.unit) : undefined;
  if (quantity) {
    reader.onlyFields(quantity, new Set(['value', 'unit', 'driver', 'share']), [...path, 'quantity']);
    if (quantity['value'] !== undefined && quantity['driver'] !== undefined) reader.report([...path, 'quantity'], { code: 'conflict', fields: ['value', 'driver'] });
    if (quantity['value'] === undefined && quantity['driver'] === undefined) reader.report([...path, 'quantity', 'value'], { code: 'required' });
    const given = quantity['unit'] === undefined ? undefined : reader.unit(quantity, 'unit', [...path, 'quantity'], false);
    if (quantity['value'] !== undefined && quantity['unit'] === undefined) reader.report([...path, 'quantity', 'unit'], { code: 'required' });
    if (given && unit && given.dimension !== unit.dimension) reader.report([...path, 'quantity', 'unit'], { code: 'wrong-dimension', unit: given.id, got: given.dimension, expected: [unit.dimension] });
    if (!entry && given) unit = given;
  }
  if (!entry && quantity && quantity['unit'] === undefined && quantity['driver'] !== undefined) {
    // Without a catalogue entry, a measure counted by a driver is counted in the driver's unit (万m2, 万辆 …).
    const drivers = pathwayTop?.['drivers'];
    const driver = typeof drivers === 'object' && drivers !== null ? (drivers as Fields)[String(quantity['driver'])] : undefined;
    const spelling = typeof driver === 'object' && driver !== null ? (driver as Fields)['unit'] : undefined;
    unit = (typeof spelling === 'string' ? parseUnit(spelling) : undefined) ?? parseUnit('1');
  }
  const limitsFields = fields['limits'] === undefined ? {} : reader.object(fields['limits'], [...path, 'limits']);
  if (limitsFields) reader.onlyFields(limitsFields, new Set(['min', 'max']), [...path, 'limits']);
  const min = (limitsFields && percentNumber(reader, limitsFields, 'min', [...path, 'limits'], { required: false, min: 0, max: 1 })) ?? 0;
  const max = (limitsFields && percentNumber(reader, limitsFields, 'max', [...path, 'limits'], { required: false, min: 0, max: 1 })) ?? 1;
  if (min > max) reader.report([...path, 'limits', 'min'], { code: 'out-of-range', min: 0, max, got: min });
  const yesNoValue = fields['yesNo'];
  if (yesNoValue !== undefined && typeof yesNoValue !== 'boolean') reader.report([...path, 'yesNo'], { code: 'type', expected: 'boolean', got: typeName(yesNoValue) });
  const yesNo = yesNoValue === true;
  if (yesNo && min > 0 && min < max) reader.report([...path, 'limits', 'min'], { code: 'not-applicable', field: 'min', reason: 'yes-no-min' });

  // Effects: the plan's own (pathway syntax), or the catalogue's levers on the plan's sector.
  let effects: unknown = fields['effects'];
  const fromLevers = effects === undefined;
  if (fromLevers) {
    if (!entry) {
      if (fields['catalogue'] === undefined) reader.report([...path, 'effects'], { code: 'required' });
      effects = undefined;
    } else {
      effects = leverEffects(reader, entry, fields, quantity, path);
    }
  } else if (fields['sector'] !== undefined) {
    reader.report([...path, 'sector'], { code: 'not-applicable', field: 'sector', reason: 'own-effects' });
  }
  if (!unit) {
    if (!entry && quantity?.['unit'] === undefined && quantity?.['driver'] === undefined) return undefined;
    if (entry) return undefined;
  }
  const action: Fields = { adoption: fields['adoption'], effects };
  if (fields['name'] !== undefined) action['name'] = fields['name'];
  else if (entry) action['name'] = entry.name;
  if (fields['adoption'] === undefined) reader.report([...path, 'adoption'], { code: 'required' });
  reader.string(fields, 'note', path, false);
  reader.string(fields, 'source', path, false);
  return { id, fields, entry, unit: unit ?? parseUnit('1')!, action, fromLevers, limits: { min, max }, yesNo };
}

/** The catalogue's levers as pathway effects on the plan's sector; a lever number the catalogue lacks is a gap. */
export function leverEffects(reader: Reader, entry: CatalogueMeasure, fields: Fields, quantity: Fields | undefined, path: Path): Fields[] {
  const sector = fields['sector'];
  const needsSector = entry.levers.some((lever) => lever.type !== 'generation' && lever.type !== 'removal');
  if (needsSector && sector === undefined) reader.report([...path, 'sector'], { code: 'required' });
  if (!needsSector && sector !== undefined) reader.report([...path, 'sector'], { code: 'not-applicable', field: 'sector', reason: 'city-wide-lever' });
  if (entry.levers.length === 0) reader.report([...path, 'catalogue'], { code: 'catalogue-gap', measure: entry.id, field: 'levers' });
  return entry.levers.map((lever, i) => {
    const gap = (field: string): void => reader.report([...path, 'catalogue'], { code: 'catalogue-gap', measure: entry.id, field: `levers[${i}].${field}` });
    switch (lever.type) {
      case 'efficiency':
      case 'activity':
      case 'emissions': {
        if (!lever.reduction) gap('reduction');
        const effect: Fields = { type: lever.type, sector, reduction: lever.reduction?.value ?? 0 };
        if (lever.carrier && lever.type !== 'activity') effect['carrier'] = lever.carrier;
        if (lever.gas && lever.type === 'emissions') effect['gas'] = lever.gas;
        return effect;
      }
      case 'switch': {
        if (!lever.to) gap('to');
        if (!lever.from) gap('from');
        if (!lever.ratio && entry.gaps.includes(`levers[${i}].ratio`)) gap('ratio');
        if (!lever.share && entry.gaps.includes(`levers[${i}].share`)) gap('share');
        const effect: Fields = { type: 'switch', sector, from: lever.from, to: lever.to };
        if (lever.share) effect['share'] = lever.share.value;
        if (lever.ratio) effect['ratio'] = lever.ratio.value;
        return effect;
      }
      case 'generation':
      case 'removal': {
        if (!lever.perUnit) gap('perUnit');
        const amount = quantity?.['value'];
        if (quantity?.['driver'] !== undefined) reader.report([...path, 'quantity'], { code: 'constant-quantity', lever: lever.type });
        const units = typeof amount === 'number' ? amountInUnits(amount, quantity?.['unit'], entry.unit) : 0;
        return { type: lever.type, value: (lever.perUnit?.value ?? 0) * units, unit: lever.type === 'generation' ? 'MWh' : 'tCO2e' };
      }
      default: {
        const unhandled: never = lever.type;
        throw new Error(`unknown lever ${String(unhandled)}`);
      }
    }
  });
}

export function amountInUnits(amount: number, spelling: unknown, measureUnit: string): number {
  const from = typeof spelling === 'string' ? parseUnit(spelling) : undefined;
  const to = parseUnit(measureUnit);
  // A unit of another dimension is reported where the quantity is read (wrong-dimension): the plan fails there.
  if (!from || !to || from.dimension !== to.dimension) return amount;
  return convert(amount, from, to, 'quantity');
}

export function measureQuantity(reader: Reader, draft: MeasureDraft, drivers: readonly { id: string; unit: string; scale: number }[]): Quantity | undefined {
  const path = ['measures', draft.id, 'quantity'];
  const fields = draft.fields['quantity'] as Fields | undefined;
  if (!fields || typeof fields !== 'object') return undefined;
  if (fields['value'] !== undefined) {
    const value = reader.number(fields, 'value', path, { required: true, min: 0, max: 1e15 });
    if (value === undefined) return undefined;
    return { kind: 'amount', units: amountInUnits(value, fields['unit'], draft.unit.id) };
  }
  const driverId = reader.string(fields, 'driver', path, true);
  if (driverId === undefined || !known(reader, 'driver', driverId, drivers.map((d) => d.id), [...path, 'driver'])) return undefined;
  const share = fields['share'] === undefined ? 1 : percentNumber(reader, fields, 'share', path, { required: true, min: 0, max: 1 });
  const d = drivers.findIndex((candidate) => candidate.id === driverId);
  const driverUnit = parseUnit(drivers[d]!.unit)!;
  const unit = draft.entry || fields['unit'] !== undefined ? draft.unit : driverUnit;
  if (driverUnit.dimension !== unit.dimension) {
    reader.report([...path, 'driver'], { code: 'wrong-dimension', unit: driverUnit.id, got: driverUnit.dimension, expected: [unit.dimension] });
    return undefined;
  }
  if (share === undefined) return undefined;
  // Driver values are computed in base units; one measure unit is `unit.toBase` of them.
  return { kind: 'driver', driver: d, perBase: 1 / unit.toBase, share };
}

/** A cost of the measure: the plan's own (`costs.<field>`), else the catalogue's, restated; opex and savings default to 0, stated. */
export function measureCost(reader: Reader, draft: MeasureDraft, field: (typeof COST_FIELDS)[number], priceYear: number, catalogue: Catalogue, zeroCosts: Map<string, string[]>, pricedEnergy: boolean): UnitCost | undefined {
  const path = ['measures', draft.id, 'costs'];
  const costs = draft.fields['costs'] === undefined ? undefined : reader.object(draft.fields['costs'], path);
  if (costs && field === 'capex') reader.onlyFields(costs, new Set([...COST_FIELDS, 'lifetime']), path);
  if (costs?.[field] !== undefined) {
    const at = [...path, field];
    const given = reader.object(costs[field], at);
    if (!given) return undefined;
    reader.onlyFields(given, new Set(['value', 'unit', 'source']), at);
    const value = reader.number(given, 'value', at, { required: true, allowNegative: true, min: -1e12, max: 1e12 });
    const unit = reader.unit(given, 'unit', at, true);
    const source = reader.string(given, 'source', at, true);
    if (value === undefined || !unit || source === undefined) return undefined;
    const [money, per] = unit.dimension.split('/');
    if (money !== 'money' || per !== draft.unit.dimension) {
      reader.report([...at, 'unit'], { code: 'wrong-dimension', unit: unit.id, got: unit.dimension, expected: [`money/${draft.unit.dimension}`] });
      return undefined;
    }
    const perUnit = value * unit.toBase * draft.unit.toBase;
    return { value: perUnit, basis: `${value} ${unit.id} (plan) = ${Number(perUnit.toPrecision(6))} CNY${priceYear}/${draft.unit.id}`, source };
  }
  // A catalogue entry that does not exist is reported at `catalogue`: its figures are not also required.
  if (!draft.entry && draft.fields['catalogue'] !== undefined) return undefined;
  const figure = draft.entry?.[field];
  // With energy prices the energy a measure saves is valued through the pathway; the catalogue's savings
  // figures (energy at the source's prices) would count it twice.
  if (figure && field === 'savings' && pricedEnergy) return { value: 0, basis: 'catalogue savings replaced by energy savings at the plan\'s prices', source: 'energyPrices' };
  if (figure) {
    const restated = restateCost(figure, draft.unit, priceYear, catalogue.money);
    if (restated.ok) return restated.cost;
    reader.report([...path, field], { code: 'missing-rate', currency: restated.currency, year: restated.year, priceYear });
    return undefined;
  }
  if (field === 'capex') {
    reader.report([...path, field], draft.entry ? { code: 'catalogue-gap', measure: draft.entry.id, field } : { code: 'required' });
    return undefined;
  }
  if (!(field === 'savings' && pricedEnergy)) zeroCosts.get(field)!.push(draft.id);
  return { value: 0, basis: `no ${field} figure: 0`, source: 'none' };
}

/**
 * `generationPrice`: what the measure's generation is worth when sold to the grid (元/kWh, the coal benchmark price for a
 * utility plant), in place of the plan's electricity price, which values electricity bought (and so generation used where
 * it is made). It needs the plan's electricity price, whose part of the measure's savings it replaces.
 */
export function measureGenerationPrice(reader: Reader, draft: MeasureDraft, prices: readonly EnergyPrice[] | undefined): EnergyPrice | undefined {
  const raw = draft.fields['generationPrice'];
  if (raw === undefined) return undefined;
  const at = ['measures', draft.id, 'generationPrice'];
  const given = reader.object(raw, at);
  if (!given) return undefined;
  reader.onlyFields(given, new Set(['value', 'unit', 'source']), at);
  const value = reader.number(given, 'value', at, { required: true, min: 0, max: 1e9 });
  const unit = reader.unit(given, 'unit', at, true);
  const source = reader.string(given, 'source', at, true);
  if (unit && unit.dimension !== 'money/energy') reader.report([...at, 'unit'], { code: 'wrong-dimension', unit: unit.id, got: unit.dimension, expected: ['money/energy'] });
  if (!prices?.some((price) => price.carrier === 'electricity')) reader.report(['energyPrices', 'electricity'], { code: 'required' });
  if (value === undefined || !unit || unit.dimension !== 'money/energy' || source === undefined) return undefined;
  return { carrier: 'electricity', perGj: value * unit.toBase, text: priceText(value, unit.id, source) };
}

export function measureLifetime(reader: Reader, draft: MeasureDraft): { value: number; source: string } | undefined {
  const path = ['measures', draft.id, 'costs'];
  const costs = typeof draft.fields['costs'] === 'object' && draft.fields['costs'] !== null ? (draft.fields['costs'] as Fields) : undefined;
  if (costs?.['lifetime'] !== undefined) {
    const at = [...path, 'lifetime'];
    const given = reader.object(costs['lifetime'], at);
    if (!given) return undefined;
    reader.onlyFields(given, new Set(['value', 'source']), at);
    const value = reader.number(given, 'value', at, { required: true, min: 1, max: 200 });
    const source = reader.string(given, 'source', at, true);
    return value === undefined || source === undefined ? undefined : { value, source };
  }
  if (!draft.entry && draft.fields['catalogue'] !== undefined) return undefined;
  if (draft.entry?.lifetime) return { value: draft.entry.lifetime.value, source: draft.entry.lifetime.source };
  reader.report([...path, 'lifetime'], draft.entry ? { code: 'catalogue-gap', measure: draft.entry.id, field: 'lifetime' } : { code: 'required' });
  return undefined;
}

