import { type FuelId } from '../../factors/fuels.ts';
import { readFuel } from '../../reading/fuel.ts';
import type { Path } from '../../issues/issue.ts';
import { assumptions, gridYearStatements } from '../../accounting/assumptions.ts';
import { chooseGrid, gridNames, type GridChoice } from '../../factors/grid-series.ts';
import { typeName, type Fields } from '../../reading/reader.ts';
import { factorRef } from '../../accounting/statements.ts';
import type { Assumption } from '../../accounting/statements.ts';
import { ROAD_TECHNOLOGIES } from './road-technologies.ts';
import { closest } from '../../text/closest.ts';
import type { Dimension } from '../../units/units.ts';
import type { MethodCalculator } from '../method.ts';
import { MethodWork } from '../method.ts';
import { FuelDefaults } from './fuel-defaults.ts';
import { readPair, type GivenPair } from './given.ts';

const GASES = ['CO2', 'CH4', 'N2O'] as const;
type Gas = (typeof GASES)[number];
/** A vehicle class's gases (t) and the energy it used (GJ of fuel, GJ of electricity). */
type Gases = Record<Gas, number> & { fuelGJ: number; electricityGJ: number };

const COMMON_FIELDS = ['class', 'fuel', 'distance', 'count', 'annualDistance', 'source', 'consumption'];
const FUEL_VEHICLE_FIELDS: ReadonlySet<string> = new Set([...COMMON_FIELDS, 'density', 'ncv', 'technology', 'ef']);
const ELECTRIC_VEHICLE_FIELDS: ReadonlySet<string> = new Set([...COMMON_FIELDS, 'grid', 'gridFactor']);
const ANY_VEHICLE_FIELDS: ReadonlySet<string> = new Set([...FUEL_VEHICLE_FIELDS, ...ELECTRIC_VEHICLE_FIELDS]);
const EF_FIELDS: ReadonlySet<string> = new Set(GASES);

/**
 * On-road transport by vehicle-kilometres (GPC II.1), the distance-based approach of IPCC 2006 Vol.2
 * Ch.3.2 with the city's own factors. For each vehicle class and fuel:
 *   D [km] = `distance`, or `count` × `annualDistance`
 *   fuel, by consumption c per km:  E [GJ] = D × c (× density ρ for a volume) (× NCV for a mass or volume)
 *     CO2 = E × EF_CO2 (the factor set's Table 1.4 or carbon content × oxidation × 44/12)
 *     CH4, N2O = E × EF (IPCC 2006 Table 3.2.2, gasoline by `technology`)
 *   fuel, by factors per km f:      gas [t] = D × f   (CH4, N2O not estimated and stated if not given)
 *   electricity (row II.1.2 only):  CO2 = D × c [kWh/km] × grid factor
 * A factor per km or per energy on the line (`ef`) replaces the default of its gas. No Chinese table of
 * factors per vehicle-km is sourced, so every consumption and per-km factor comes from the line, with
 * a `source` (on the pair, the vehicle or the line).
 */
export const roadVkt: MethodCalculator = {
  id: 'road-vkt',
  name: { en: 'On-road transport by vehicle-kilometres (IPCC 2006 Vol.2 Ch.3.2)', zh: '道路交通：车公里法（IPCC 2006 第2卷第3.2章）' },
  rows: ['II.1.1', 'II.1.2', 'II.1.3'],
  fields: ['vehicles', 'factorSet'],
  compute(input) {
    const work = new MethodWork(input, 'road-vkt');
    const defaults = FuelDefaults.read(work);
    const raw = input.fields['vehicles'];
    const at = work.at('vehicles');
    if (raw === undefined || (Array.isArray(raw) && raw.length === 0)) {
      input.reader.report(at, { code: 'required' });
    } else if (!Array.isArray(raw)) {
      input.reader.report(at, { code: 'type', expected: 'array', got: typeName(raw) });
    } else {
      const total: Gases = { CO2: 0, CH4: 0, N2O: 0, fuelGJ: 0, electricityGJ: 0 };
      let vkm = 0;
      raw.forEach((vehicle: unknown, index) => {
        const driven = vehicleGases(work, defaults, vehicle, [...at, index], index);
        if (!driven) return;
        const { gases, km } = driven;
        vkm += km;
        for (const gas of GASES) total[gas] += gases[gas];
        total.fuelGJ += gases.fuelGJ;
        total.electricityGJ += gases.electricityGJ;
      });
      // The vehicle-km are the line's activity: a cluster checks a trips pairing's `vkm` against them (docs/clusters.md).
      return work.finish({ co2: total.CO2, ch4: total.CH4, n2o: total.N2O, fuelGJ: total.fuelGJ, electricityGJ: total.electricityGJ }, 'fossil', { quantity: 'distance', value: vkm, unit: 'vkm' });
    }
    return work.finish({}, 'fossil');
  },
};

/** One vehicle class's gases in tonnes and its vehicle-km; undefined when it has a problem (reported). */
function vehicleGases(work: MethodWork, defaults: FuelDefaults | undefined, raw: unknown, path: Path, index: number): { gases: Gases; km: number } | undefined {
  const { reader, row } = work.input;
  const fields = reader.object(raw, path);
  if (!fields) return undefined;
  const vehicleClass = reader.string(fields, 'class', path, true);
  // A vehicle runs on a fuel (its id or Chinese name) or on electricity (电力).
  const fuelName = fields['fuel'];
  const fuel: FuelId | 'electricity' | undefined =
    fuelName === 'electricity' || fuelName === '电力' ? 'electricity' : readFuel(reader, fields, path);
  reader.onlyFields(fields, fuel === undefined ? ANY_VEHICLE_FIELDS : fuel === 'electricity' ? ELECTRIC_VEHICLE_FIELDS : FUEL_VEHICLE_FIELDS, path);

  // Grid electricity is scope 2 (II.1.2); fuel burnt is scope 1 (II.1.1) or a transboundary journey (II.1.3).
  if (fuel !== undefined) {
    const form = fuel === 'electricity' ? 'electricity' : 'fuel';
    const allowed = row.ref === 'II.1.2' ? 'electricity' : 'fuel';
    if (form !== allowed) reader.report([...path, 'fuel'], { code: 'form-not-on-row', form, gpc: row.ref, allowed: [allowed] });
  }
  const km = readDistance(work, fields, path);
  const vehicle = new Vehicle(work, fields, path, index);
  const gases = fuel === 'electricity' ? electricGases(vehicle, km) : fuel === undefined || defaults === undefined ? undefined : fuelGases(vehicle, defaults, fuel, vehicleClass ?? `vehicles[${index}]`, km);
  return gases === undefined || km === undefined ? undefined : { gases, km };
}

/** Vehicle-km: `distance`, or `count` × `annualDistance` (保有量 × 年均行驶里程). */
function readDistance(work: MethodWork, fields: Fields, path: Path): number | undefined {
  const { reader } = work.input;
  if (fields['distance'] !== undefined) {
    if (fields['count'] !== undefined) reader.report([...path, 'count'], { code: 'conflict', fields: ['distance', 'count'] });
    if (fields['annualDistance'] !== undefined) reader.report([...path, 'annualDistance'], { code: 'conflict', fields: ['distance', 'annualDistance'] });
    return readPair(work, fields, 'distance', path, ['distance'])?.value;
  }
  if (fields['count'] === undefined && fields['annualDistance'] === undefined) {
    reader.report([...path, 'distance'], { code: 'required' });
    return undefined;
  }
  const count = reader.count(fields, 'count', path, 'count', true);
  const each = fields['annualDistance'] === undefined ? void reader.report([...path, 'annualDistance'], { code: 'required' }) : readPair(work, fields, 'annualDistance', path, ['distance']);
  return count === undefined || each === undefined ? undefined : count * each.value;
}

/** A vehicle's line-given values: read, and listed with their source (required for every factor). */
class Vehicle {
  private readonly required = new Set<string>();
  readonly source: string | undefined;

  constructor(
    readonly work: MethodWork,
    readonly fields: Fields,
    readonly path: Path,
    private readonly index: number,
  ) {
    this.source = work.input.reader.string(fields, 'source', path, false);
  }

  /** Reports a missing field of the vehicle, once however many values need it. */
  require(field: string): void {
    if (this.required.has(field)) return;
    this.required.add(field);
    this.work.input.reader.report([...this.path, field], { code: 'required' });
  }

  /** The pair at `key` (in `holder`, the vehicle by default), listed as a factor of the line. */
  factor(key: string, expected: readonly Dimension[], holder: Fields = this.fields, at: Path = this.path, name: string = key): GivenPair | undefined {
    if (holder[key] === undefined) return undefined;
    const pair = readPair(this.work, holder, key, at, expected);
    if (!pair) return undefined;
    const source = pair.source ?? this.source ?? this.work.input.lineSource;
    // A city's own factor is only as good as where it comes from: it must say.
    if (source === undefined) this.require('source');
    this.work.factors.push({ id: `line:vehicles[${this.index}].${name}`, value: pair.given.value, unit: pair.given.unit.id, source: source ?? '' });
    return pair;
  }
}

function stateOnce(work: MethodWork, assumption: Assumption): void {
  if (!work.assumptions.some((stated) => stated.code === assumption.code && stated.text.en === assumption.text.en)) work.state(assumption);
}

/** Lists the grid factor once and states how its year was chosen; tCO2 per GJ. */
function useGrid(work: MethodWork, choice: GridChoice, year: number | undefined): number {
  const grid = choice.factor;
  if (!work.factors.some((listed) => listed.id === grid.id)) work.factors.push(factorRef(grid));
  for (const statement of gridYearStatements(choice, year)) stateOnce(work, statement);
  return grid.toBase;
}

function electricGases(vehicle: Vehicle, km: number | undefined): Gases | undefined {
  const { work, fields, path } = vehicle;
  const { reader, library, year } = work.input;
  const consumption = fields['consumption'] === undefined ? void reader.report([...path, 'consumption'], { code: 'required' }) : vehicle.factor('consumption', ['energy/distance']);
  let tPerGj: number | undefined;
  if (fields['grid'] !== undefined && fields['gridFactor'] !== undefined) {
    reader.report([...path, 'gridFactor'], { code: 'conflict', fields: ['grid', 'gridFactor'] });
  } else if (fields['gridFactor'] !== undefined) {
    tPerGj = vehicle.factor('gridFactor', ['mass/energy'])?.value;
  } else if (fields['grid'] !== undefined) {
    const id = reader.string(fields, 'grid', path, true);
    const choice = id === undefined ? undefined : chooseGrid(library, id, year);
    if (id !== undefined && !choice) {
      reader.report([...path, 'grid'], { code: 'unknown-grid', got: id, suggestion: closest(id, gridNames(library)) });
    } else if (choice) {
      tPerGj = useGrid(work, choice, year);
    }
  } else if (work.input.grid) {
    stateOnce(work, assumptions.gridFromFile(work.input.grid.named));
    tPerGj = useGrid(work, work.input.grid, year);
  } else {
    reader.report([...path, 'grid'], { code: 'missing-grid' });
  }
  if (km === undefined || consumption === undefined || tPerGj === undefined) return undefined;
  stateOnce(work, assumptions.gridCo2Only());
  return { CO2: km * consumption.value * tPerGj, CH4: 0, N2O: 0, fuelGJ: 0, electricityGJ: km * consumption.value };
}

function fuelGases(vehicle: Vehicle, defaults: FuelDefaults, fuel: FuelId, vehicleClass: string, km: number | undefined): Gases | undefined {
  const { work, fields, path } = vehicle;
  const { reader } = work.input;
  const technology = reader.choice(fields, 'technology', path, ROAD_TECHNOLOGIES, false);
  if (fields['technology'] !== undefined && fuel !== 'gasoline') reader.report([...path, 'technology'], { code: 'not-applicable', field: 'technology', reason: 'technology' });
  const gjPerKm = energyPerKm(vehicle, defaults, fuel);
  const hasConsumption = fields['consumption'] !== undefined;

  const efPath = [...path, 'ef'];
  const ef = fields['ef'] === undefined ? undefined : reader.object(fields['ef'], efPath);
  if (ef) reader.onlyFields(ef, EF_FIELDS, efPath);
  const perKm: Partial<Gases> = {};
  const notEstimated: Gas[] = [];
  for (const gas of GASES) {
    const given = ef?.[gas] === undefined ? undefined : vehicle.factor(gas, ['mass/distance', 'mass/energy'], ef, efPath, `ef.${gas}`);
    if (ef?.[gas] !== undefined) {
      if (!given) continue;
      if (given.given.unit.dimension === 'mass/distance') perKm[gas] = given.value;
      else if (!hasConsumption) vehicle.require('consumption');
      else if (gjPerKm !== undefined) perKm[gas] = given.value * gjPerKm;
    } else if (hasConsumption) {
      if (gjPerKm === undefined) continue;
      const perGj = gas === 'CO2' ? defaults.co2(fuel, path) : defaults.road(gas, fuel, technology, path);
      if (perGj !== undefined) perKm[gas] = perGj * gjPerKm;
    } else if (gas === 'CO2') {
      // Without consumption there is no energy to take a CO2 default by: a per-km CO2 factor is needed.
      vehicle.require('consumption');
    } else {
      notEstimated.push(gas);
      perKm[gas] = 0;
    }
  }
  if (notEstimated.length > 0) {
    work.state({
      code: 'vkt-gas-not-estimated',
      text: {
        en: `${notEstimated.join(' and ')} of "${vehicleClass}" (${fuel}) not estimated: no per-km factor on the line, and no \`consumption\` to take the IPCC 2006 Table 3.2.2 factors by`,
        zh: `"${vehicleClass}"（${fuel}）的 ${notEstimated.join('、')} 未计：该行未给出每公里排放因子，也未给出 \`consumption\`（无法按 IPCC 2006 表3.2.2 取值）`,
      },
    });
  }
  const { CO2, CH4, N2O } = perKm;
  if (km === undefined || CO2 === undefined || CH4 === undefined || N2O === undefined) return undefined;
  if (gjPerKm === undefined) {
    work.state({
      code: 'vkt-energy-unknown',
      text: {
        en: `energy of "${vehicleClass}" not counted in energy.tce: no \`consumption\` on the line`,
        zh: `"${vehicleClass}" 的能耗未计入能源消费量：该行未给出 \`consumption\``,
      },
    });
  }
  return { CO2: km * CO2, CH4: km * CH4, N2O: km * N2O, fuelGJ: gjPerKm === undefined ? 0 : km * gjPerKm, electricityGJ: 0 };
}

/**
 * GJ per km from `consumption`: an energy per km as is; a mass per km × NCV; a volume per km × density
 * × NCV per mass, or × NCV per volume where the factor set has one (natural gas under `cn`). Undefined
 * without consumption (or on a problem, reported).
 */
function energyPerKm(vehicle: Vehicle, defaults: FuelDefaults, fuel: FuelId): number | undefined {
  const { work, fields, path } = vehicle;
  const { reader } = work.input;
  if (fields['consumption'] === undefined) {
    for (const field of ['density', 'ncv']) {
      if (fields[field] !== undefined) vehicle.require('consumption');
    }
    return undefined;
  }
  const consumption = vehicle.factor('consumption', ['energy/distance', 'mass/distance', 'volume/distance']);
  if (!consumption) return undefined;
  const measure = consumption.given.unit.dimension.split('/')[0] as 'energy' | 'mass' | 'volume';
  if (measure === 'energy') {
    for (const field of ['density', 'ncv']) {
      if (fields[field] !== undefined) reader.report([...path, field], { code: 'conflict', fields: [field, 'consumption'] });
    }
    return consumption.value;
  }
  if (measure === 'mass' && fields['density'] !== undefined) reader.report([...path, 'density'], { code: 'conflict', fields: ['density', 'consumption'] });
  const density = measure === 'volume' ? vehicle.factor('density', ['mass/volume']) : undefined;
  if (fields['density'] !== undefined && measure === 'volume' && !density) return undefined;
  // The fuel burnt per km, by mass where a density converts it, else as consumed.
  const byMass = measure === 'mass' || density !== undefined;
  const perKm = consumption.value * (density?.value ?? 1);
  const dimension = byMass ? 'mass' : 'volume';
  if (fields['ncv'] !== undefined) {
    const ncv = vehicle.factor('ncv', [`energy/${dimension}`]);
    return ncv === undefined ? undefined : perKm * ncv.value;
  }
  if (!byMass && defaults.libraryNcv(fuel)?.unit.dimension === 'energy/mass') {
    // A litre of a liquid fuel is turned into tonnes only by its density: never assumed.
    vehicle.require('density');
    return undefined;
  }
  const ncv = defaults.ncv(fuel, dimension, path);
  return ncv === undefined ? undefined : perKm * ncv;
}
