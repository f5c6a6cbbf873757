import { type FuelId } from '../../factors/fuels.ts';
import { readFuel as readFuelName } from '../../reading/fuel.ts';
import type { Path } from '../../issues/issue.ts';
import { typeName, type Fields } from '../../reading/reader.ts';
import { closest } from '../../text/closest.ts';
import type { Dimension } from '../../units/units.ts';
import type { MethodCalculator } from '../method.ts';
import { MethodWork } from '../method.ts';
import { FuelDefaults } from './fuel-defaults.ts';
import { readPair } from './given.ts';

const GASES = ['CO2', 'CH4', 'N2O'] as const;
type Gas = (typeof GASES)[number];

/** The fuels each mode burns; the GPC sub-sector of the line's row says which mode it is. */
const MODES = {
  'II.3': { fuels: ['diesel', 'fuel_oil', 'natural_gas'] }, // waterborne navigation
  'II.4': { fuels: ['jet_kerosene'] }, // aviation
} as const satisfies Record<string, { fuels: readonly FuelId[] }>;
type ModeId = keyof typeof MODES;

const ENTRY_FIELDS: ReadonlySet<string> = new Set(['fuel', 'amount', 'ncv', 'ef']);
const EF_FIELDS: ReadonlySet<string> = new Set(GASES);

/**
 * Waterborne navigation (GPC II.3.1, II.3.3) and aviation (II.4.1, II.4.3) by the fuel burnt, IPCC 2006
 * Vol.2 Ch.3.5 and 3.6, Tier 1, for each fuel of the line:
 *   E [GJ] = amount × NCV,   CO2 = E × EF_CO2,   CH4 = E × EF_CH4,   N2O = E × EF_N2O
 * NCV and EF_CO2 from the line's factor set, as for `fuel` lines (IPCC 2006 Tables 1.2 and 1.4, or
 * GB/T 2589 and the provincial guideline; jet kerosene takes kerosene's values under `cn`, stated).
 * The library holds no sourced aviation (Table 3.6.5) or waterborne (Table 3.5.3) CH4 and N2O factors,
 * so each fuel's `ef.CH4` and `ef.N2O` must be on the line: without them the line is an error.
 * One calculator serves both modes: the row already names the mode, and the formulas are the same.
 */
export const mobileFuel: MethodCalculator = {
  id: 'mobile-fuel',
  name: { en: 'Waterborne navigation and aviation by fuel (IPCC 2006 Vol.2 Ch.3.5, 3.6)', zh: '水路运输与航空：按燃料计（IPCC 2006 第2卷第3.5、3.6章）' },
  rows: ['II.3.1', 'II.3.3', 'II.4.1', 'II.4.3'],
  fields: ['fuels', 'factorSet'],
  compute(input) {
    const work = new MethodWork(input, 'mobile-fuel');
    const defaults = FuelDefaults.read(work);
    const mode = input.row.subsector.id as ModeId;
    const raw = input.fields['fuels'];
    const at = work.at('fuels');
    if (raw === undefined || (Array.isArray(raw) && raw.length === 0)) input.reader.report(at, { code: 'required' });
    else if (!Array.isArray(raw)) input.reader.report(at, { code: 'type', expected: 'array', got: typeName(raw) });
    else {
      const total = { CO2: 0, CH4: 0, N2O: 0, fuelGJ: 0 };
      raw.forEach((entry: unknown, index) => {
        const gases = fuelGases(work, defaults, mode, entry, [...at, index], index);
        if (!gases) return;
        for (const gas of GASES) total[gas] += gases[gas];
        total.fuelGJ += gases.fuelGJ;
      });
      return work.finish({ co2: total.CO2, ch4: total.CH4, n2o: total.N2O, fuelGJ: total.fuelGJ }, 'fossil');
    }
    return work.finish({}, 'fossil');
  },
};

function fuelGases(
  work: MethodWork,
  defaults: FuelDefaults | undefined,
  mode: ModeId,
  raw: unknown,
  path: Path,
  index: number,
): (Record<Gas, number> & { fuelGJ: number }) | undefined {
  const { reader } = work.input;
  const fields = reader.object(raw, path);
  if (!fields) return undefined;
  reader.onlyFields(fields, ENTRY_FIELDS, path);
  const fuel = readFuel(work, fields, path, mode);
  const amount = fields['amount'] === undefined ? void reader.report([...path, 'amount'], { code: 'required' }) : readPair(work, fields, 'amount', path, ['mass', 'volume', 'energy']);
  const measure = amount?.given.unit.dimension as 'mass' | 'volume' | 'energy' | undefined;
  const listed = (name: string, pair: NonNullable<ReturnType<typeof readPair>>): void => {
    work.factors.push({ id: `line:fuels[${index}].${name}`, value: pair.given.value, unit: pair.given.unit.id, source: pair.source ?? work.input.lineSource ?? 'given on the line' });
  };

  // Energy of the amount: its own unit when an energy, else × the line's NCV or the factor set's.
  let gj: number | undefined;
  if (fields['ncv'] !== undefined && measure === 'energy') {
    reader.report([...path, 'ncv'], { code: 'conflict', fields: ['ncv', 'amount'] });
  } else if (amount && measure === 'energy') {
    gj = amount.value;
  } else if (fields['ncv'] !== undefined && measure !== undefined) {
    const ncv = readPair(work, fields, 'ncv', path, [`energy/${measure}` as Dimension]);
    if (ncv && amount) {
      listed('ncv', ncv);
      gj = amount.value * ncv.value;
    }
  } else if (amount && (measure === 'mass' || measure === 'volume') && fuel && defaults) {
    const ncv = defaults.ncv(fuel, measure, path);
    gj = ncv === undefined ? undefined : amount.value * ncv;
  }

  const efPath = [...path, 'ef'];
  const ef = fields['ef'] === undefined ? undefined : reader.object(fields['ef'], efPath);
  if (ef) reader.onlyFields(ef, EF_FIELDS, efPath);
  const gases: Partial<Record<Gas, number>> = {};
  for (const gas of GASES) {
    if (ef?.[gas] !== undefined) {
      // Per energy, or per unit of the amount (kg/t for an amount by mass).
      const expected: Dimension[] = measure === undefined || measure === 'energy' ? ['mass/energy'] : ['mass/energy', `mass/${measure}`];
      const pair = readPair(work, ef, gas, efPath, expected);
      if (!pair) continue;
      listed(`ef.${gas}`, pair);
      const perEnergy = pair.given.unit.dimension === 'mass/energy';
      if (perEnergy && gj !== undefined) gases[gas] = gj * pair.value;
      if (!perEnergy && amount) gases[gas] = amount.value * pair.value;
    } else if (gas === 'CO2') {
      const perGj = fuel && defaults ? defaults.co2(fuel, path) : undefined;
      if (perGj !== undefined && gj !== undefined) gases.CO2 = gj * perGj;
    } else if (fuel) {
      // No sourced CH4 or N2O default for these modes: the line must give it.
      reader.report([...efPath, gas], { code: 'missing-factor', need: gas === 'CH4' ? 'ch4' : 'n2o', fuel, context: `GPC ${mode}` });
    }
  }
  const { CO2, CH4, N2O } = gases;
  return CO2 === undefined || CH4 === undefined || N2O === undefined || gj === undefined ? undefined : { CO2, CH4, N2O, fuelGJ: gj };
}

function readFuel(work: MethodWork, fields: Fields, path: Path, mode: ModeId): FuelId | undefined {
  const { reader } = work.input;
  const name = readFuelName(reader, fields, path);
  if (name === undefined) return undefined;
  const allowed: readonly FuelId[] = MODES[mode].fuels;
  if (!allowed.includes(name)) {
    reader.report([...path, 'fuel'], { code: 'unknown-category', got: name, allowed, suggestion: closest(name, allowed) });
    return undefined;
  }
  return name;
}
