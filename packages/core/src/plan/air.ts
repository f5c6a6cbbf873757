import { FACTOR_SET_SOURCES } from '../factors/factor-sets.ts';
import { FUELS, isFuelId, type Fuel, type FuelId } from '../factors/fuels.ts';
import type { Factor, FactorLibrary } from '../factors/library.ts';
import { GPC_ROWS } from '../gpc/structure.ts';
import { factorRef, GJ_PER_TCE } from '../accounting/statements.ts';
import type { Assumption, FactorRef } from '../inventory/types.ts';
import type { PathwayWorkspace } from '../pathway/evaluate.ts';
import type { PathwayModel, RowShare } from '../pathway/model.ts';
import { AIR_ROW_CONTEXTS, POWER_HEAT_OIL, type AirRowContext } from './air-contexts.ts';
import { airStatements, gapText, type AirText, type GapDetail } from './air-texts.ts';

/**
 * Air-pollutant co-benefits of a pathway (大气污染物与温室气体协同治理): SO2 (the Guidebook's SOx,
 * expressed as SO2), NOx (as NO2) and PM2.5 from the same line quantities as the pathway's greenhouse gases, with the EMEP/EEA
 * Guidebook Tier 1 factors of the library (data/factors/emep-eea.json). `compileAirFactors` finds,
 * once per model, each line's tonnes of pollutant per tce and lists every line (or part of a line)
 * it cannot cover, with the reason; `airEmissions` then turns an evaluation into tonnes per year.
 */

/**
 * Pollutants in the order of the compiled arrays, spelt as the library's `pollutant` field and the
 * output spell them: SO2 is the Guidebook's SOx, expressed as SO2.
 */
export const AIR_POLLUTANTS = ['SO2', 'NOx', 'PM2.5'] as const;
export type AirPollutant = (typeof AIR_POLLUTANTS)[number];

/** GJ in a tce (29.3076, GB/T 2589): the inventory engine's. */
export { GJ_PER_TCE };

/** Which Guidebook road-transport vehicle class a road fuel's NOx takes; a road fuel without one is not counted (stated). */
export interface RoadClasses {
  readonly diesel?: 'diesel-heavy-duty' | 'diesel-car' | undefined;
  readonly gasoline?: 'petrol-car' | undefined;
}

export interface AirOptions {
  readonly road?: RoadClasses | undefined;
}

export type AirGapReason =
  /** Process, waste, agriculture, land and fugitive lines: no fuel combustion. */
  | 'non-energy'
  /** Electricity and heat: generated outside the city's lines (scope 2; T&D losses scope 3). */
  | 'grid-supplied'
  /** The energy of a method line (e.g. road-vkt): its fuels are not separated in the pathway. */
  | 'method-carrier'
  /** A scope-3 fuel row (II.x.3 transboundary journeys): burnt largely outside the city. */
  | 'outside-city'
  /** A GPC sub-sector with no Guidebook context in the library (I.5, I.6, II.2–II.5). */
  | 'no-context'
  /** A fuel with no stationary fuel group (coal, oil, gas) in fuels.json. */
  | 'no-fuel-group'
  /** No record for that context, fuel and pollutant (residential oil, road SO2 and PM2.5 …). */
  | 'no-factor'
  /** Road fuel whose vehicle class `options.road` does not choose. */
  | 'road-class-not-chosen'
  /** A carrier switched into a sector with no fuel rows whose context it could take. */
  | 'no-rows';

/** A line, or the part of it on some rows, whose pollutants (some or all) are not counted. */
export interface AirGap {
  readonly reason: AirGapReason;
  readonly line: number;
  readonly sector: string;
  /** The line's carrier (fuel id, "electricity", "heat", "method:…"); undefined for a non-energy line. */
  readonly carrier: string | undefined;
  readonly rows: readonly string[];
  /** Share of the line's base-year energy on those rows (1 for a whole line). */
  readonly share: number;
  readonly pollutants: readonly AirPollutant[];
  readonly text: AirText;
}

/** What `airEmissions` needs, compiled once per model: plain data, like the model. */
export interface AirFactors {
  readonly baseYear: number;
  readonly years: number;
  readonly lineCount: number;
  /** Sector ids, in the model's order (the order of `bySector`). */
  readonly sectors: readonly string[];
  readonly lineSector: Int32Array;
  /** Tonnes of pollutant per tce of each line, pollutant-major: `perTce[p × lineCount + l]`, p in AIR_POLLUTANTS order. */
  readonly perTce: Float64Array;
  /** The lines with any factor, the only ones `airEmissions` reads. */
  readonly covered: Int32Array;
  /** Ids of the factors each line uses (into `factors`). */
  readonly lineFactors: readonly (readonly string[])[];
  /** Every factor used, for citation: id, value, unit, source with table. */
  readonly factors: readonly FactorRef[];
  /** Every line, or part of a line, not covered, with its reason. */
  readonly gaps: readonly AirGap[];
  readonly assumptions: readonly Assumption[];
}

/** Tonnes per year (index = year − baseYear); `bySector` sector-major (`sector × years + year`). */
export type AirEmissions = { readonly [P in AirPollutant]: Float64Array } & { readonly bySector: { readonly [P in AirPollutant]: Float64Array } };

/** How one GPC row burns one fuel: t per tce of each pollutant, the factors behind them, what is not counted. */
interface RowResolution {
  /** The row's Guidebook context, when some factor of it applies. */
  readonly place?: AirRowContext | undefined;
  readonly perTce: readonly number[];
  readonly used: readonly Factor[];
  readonly gaps: readonly { readonly reason: AirGapReason; readonly pollutants: readonly AirPollutant[]; readonly detail: GapDetail }[];
}

const NONE = [0, 0, 0] as const;

function uncovered(reason: AirGapReason, detail: GapDetail): RowResolution {
  return { perTce: NONE, used: [], gaps: [{ reason, pollutants: AIR_POLLUTANTS, detail }] };
}

function resolveRow(ref: string, fuel: Fuel, library: FactorLibrary, options: AirOptions): RowResolution {
  const place = AIR_ROW_CONTEXTS.get(ref);
  const row = GPC_ROWS.get(ref)!;
  if (!place) {
    if (row.scope === 3) return uncovered('outside-city', { kind: 'outside-city' });
    return uncovered('no-context', { kind: 'no-context', subsector: row.subsector.id, name: row.subsector.name });
  }
  if (place.context === 'road') return resolveRoad(place, fuel, library, options);
  const group = fuel.stationaryGroup;
  if (group === null) return uncovered('no-fuel-group', { kind: 'no-fuel-group', fuel: fuel.id });
  let technology: string | undefined;
  if (place.context === 'power-heat' && group === 'oil') {
    technology = POWER_HEAT_OIL.get(fuel.id);
    if (technology === undefined) return uncovered('no-factor', { kind: 'power-heat-oil', fuel: fuel.id, nfr: place.nfr });
  }
  const perTce = [0, 0, 0];
  const used: Factor[] = [];
  const missing: AirPollutant[] = [];
  AIR_POLLUTANTS.forEach((pollutant, p) => {
    const factor = library.one({ kind: 'air-pollutant', pollutant, context: place.context, fuelGroup: group, technology });
    if (!factor) return void missing.push(pollutant);
    if (factor.unit.dimension !== 'mass/energy') throw new Error(`air-pollutant factor ${factor.id} is per ${factor.unit.dimension}, not per energy`);
    // t/GJ (base units) × GJ per tce.
    perTce[p] = factor.toBase * GJ_PER_TCE;
    used.push(factor);
  });
  const gaps = missing.length === 0 ? [] : [{ reason: 'no-factor' as const, pollutants: missing, detail: { kind: 'no-factor', context: place.context, nfr: place.nfr, group } satisfies GapDetail }];
  return { place: used.length > 0 ? place : undefined, perTce, used, gaps };
}

/** Road: g per kg of fuel for the chosen vehicle class; kg of fuel = GJ ÷ the IPCC 2006 NCV. */
function resolveRoad(place: AirRowContext, fuel: Fuel, library: FactorLibrary, options: AirOptions): RowResolution {
  const classes = [...new Set(library.select({ kind: 'air-pollutant', context: 'road', fuel: fuel.id }).map((factor) => factor.technology!))];
  if (classes.length === 0) return uncovered('no-factor', { kind: 'no-road-factor', fuel: fuel.id });
  const chosen = fuel.id === 'diesel' ? options.road?.diesel : fuel.id === 'gasoline' ? options.road?.gasoline : undefined;
  if (chosen === undefined || !classes.includes(chosen)) return uncovered('road-class-not-chosen', { kind: 'road-class', fuel: fuel.id, classes });
  const ncv = library.one({ kind: 'ncv', fuel: fuel.id, source: FACTOR_SET_SOURCES.ipcc2006.ncv });
  if (!ncv || ncv.unit.dimension !== 'energy/mass') return uncovered('no-factor', { kind: 'no-ncv', fuel: fuel.id });
  const perTce = [0, 0, 0];
  const used: Factor[] = [ncv];
  const missing: AirPollutant[] = [];
  AIR_POLLUTANTS.forEach((pollutant, p) => {
    const factor = library.one({ kind: 'air-pollutant', pollutant, context: 'road', fuel: fuel.id, technology: chosen });
    if (!factor) return void missing.push(pollutant);
    if (factor.unit.dimension !== 'mass/mass') throw new Error(`road factor ${factor.id} is per ${factor.unit.dimension}, not per mass of fuel`);
    // t fuel per tce = GJ per tce ÷ NCV (GJ/t); × t pollutant per t fuel.
    perTce[p] = (GJ_PER_TCE / ncv.toBase) * factor.toBase;
    used.push(factor);
  });
  const gaps = missing.length === 0 ? [] : [{ reason: 'no-factor' as const, pollutants: missing, detail: { kind: 'road-pollutants', technology: chosen } satisfies GapDetail }];
  return { place, perTce, used, gaps };
}

/**
 * A carrier switched into a sector has no base-year rows: it is taken to burn on the rows of the
 * sector's other non-electricity energy lines of its scope, in proportion to their base-year energy (stated).
 */
function borrowedRows(model: PathwayModel, l: number): RowShare[] {
  const { lines } = model;
  const s = lines.sector[l]!;
  const byRow = new Map<string, number>();
  let total = 0;
  for (let k = 0; k < lines.count; k++) {
    if (k === l || lines.sector[k] !== s || lines.carrier[k]! < 0 || lines.electricity[k] === 1 || lines.scope[k] !== lines.scope[l]) continue;
    const tce = model.sectors[s]!.baseEnergy[lines.carrier[k]!]! * lines.fraction[k]!;
    for (const { row, share } of lines.rowShares[k]!) {
      byRow.set(row, (byRow.get(row) ?? 0) + share * tce);
      total += share * tce;
    }
  }
  if (total === 0) return [];
  return [...byRow].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([row, tce]) => ({ row, share: tce / total }));
}

/** Each line's tonnes of SO2, NOx and PM2.5 per tce, the factors used, and every line not covered with its reason. */
export function compileAirFactors(model: PathwayModel, library: FactorLibrary, options: AirOptions = {}): AirFactors {
  const { lines } = model;
  const count = lines.count;
  const perTce = new Float64Array(AIR_POLLUTANTS.length * count);
  const covered: number[] = [];
  const lineFactors: string[][] = [];
  const used = new Map<string, Factor>();
  const gaps: AirGap[] = [];
  const switchedIn: { sector: string; carrier: string; rows: readonly RowShare[] }[] = [];
  const resolutions = new Map<string, RowResolution>();
  const places = new Map<string, AirRowContext>();
  const stationaryFuels = new Set<FuelId>();
  const powerHeatOils = new Set<FuelId>();
  const sectorIds = model.sectors.map((sector) => sector.id);

  for (let l = 0; l < count; l++) {
    const sector = sectorIds[lines.sector[l]!]!;
    const c = lines.carrier[l]!;
    const carrier = c < 0 ? undefined : model.sectors[lines.sector[l]!]!.carriers[c]!;
    const whole = (reason: AirGapReason, detail: GapDetail): void => {
      const rows = lines.rows[l]!.split(', ');
      gaps.push({ reason, line: l, sector, carrier, rows, share: 1, pollutants: AIR_POLLUTANTS, text: gapText(sector, carrier, rows, AIR_POLLUTANTS, detail) });
    };
    lineFactors.push([]);
    if (carrier === undefined) whole('non-energy', { kind: 'non-energy' });
    else if (lines.electricity[l] === 1 || carrier === 'electricity' || carrier === 'heat') whole('grid-supplied', { kind: 'grid-supplied', carrier });
    else if (!isFuelId(carrier)) whole('method-carrier', { kind: 'method-carrier', carrier });
    else {
      let shares = lines.rowShares[l]!;
      if (shares.length === 0) {
        shares = borrowedRows(model, l);
        if (shares.length === 0) {
          whole('no-rows', { kind: 'no-rows', carrier });
          continue;
        }
        switchedIn.push({ sector, carrier, rows: shares });
      }
      const fuel = FUELS.get(carrier)!;
      const own = new Map<string, AirGap>();
      const ids = new Set<string>();
      for (const { row, share } of shares) {
        const key = `${row}|${carrier}`;
        let resolution = resolutions.get(key);
        if (!resolution) {
          resolution = resolveRow(row, fuel, library, options);
          resolutions.set(key, resolution);
        }
        resolution.perTce.forEach((value, p) => (perTce[p * count + l]! += share * value));
        if (resolution.place) {
          places.set(resolution.place.gpc, resolution.place);
          if (resolution.place.context !== 'road') stationaryFuels.add(fuel.id);
          if (resolution.place.context === 'power-heat' && fuel.stationaryGroup === 'oil') powerHeatOils.add(fuel.id);
        }
        for (const factor of resolution.used) {
          used.set(factor.id, factor);
          ids.add(factor.id);
        }
        // Rows of the line with the same reason, pollutants and detail are listed together.
        for (const gap of resolution.gaps) {
          const gapKey = `${gap.reason}|${gap.pollutants.join()}|${JSON.stringify(gap.detail)}`;
          const previous = own.get(gapKey);
          const rows = previous ? [...previous.rows, row] : [row];
          const total = (previous?.share ?? 0) + share;
          own.set(gapKey, { reason: gap.reason, line: l, sector, carrier, rows, share: total, pollutants: gap.pollutants, text: gapText(sector, carrier, rows, gap.pollutants, gap.detail) });
        }
      }
      gaps.push(...own.values());
      lineFactors[l] = [...ids].sort();
      if (AIR_POLLUTANTS.some((_, p) => perTce[p * count + l] !== 0)) covered.push(l);
    }
  }

  const factors = [...used.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    baseYear: model.baseYear,
    years: model.years,
    lineCount: count,
    sectors: sectorIds,
    lineSector: Int32Array.from(lines.sector),
    perTce,
    covered: Int32Array.from(covered),
    lineFactors,
    factors: factors.map(factorRef),
    gaps,
    assumptions: airStatements({
      gjPerTce: GJ_PER_TCE,
      factors,
      places: [...places.values()].sort((a, b) => (a.gpc < b.gpc ? -1 : a.gpc > b.gpc ? 1 : 0)),
      stationaryFuels: [...stationaryFuels].sort(),
      powerHeatOils: [...powerHeatOils].sort().map((fuel) => ({ fuel, technology: POWER_HEAT_OIL.get(fuel)! })),
      switchedIn,
    }),
  };
}

/** Zeroed result arrays for `airEmissions` to fill (reuse them across calls to allocate nothing). */
export function emptyAirEmissions(air: AirFactors): AirEmissions {
  const total = (): Float64Array => new Float64Array(air.years);
  const sectors = (): Float64Array => new Float64Array(air.sectors.length * air.years);
  return { SO2: total(), NOx: total(), 'PM2.5': total(), bySector: { SO2: sectors(), NOx: sectors(), 'PM2.5': sectors() } };
}

/**
 * Tonnes of SO2, NOx and PM2.5 per year, in total and by sector, of the workspace's last
 * evaluation: each covered line's tce per year × its tonnes per tce. Fills `out` (new arrays by default).
 */
export function airEmissions(air: AirFactors, workspace: PathwayWorkspace, out: AirEmissions = emptyAirEmissions(air)): AirEmissions {
  const years = air.years;
  if (workspace.model.lines.count !== air.lineCount || workspace.model.years !== years) throw new Error('air factors were compiled for another pathway model');
  const totals = AIR_POLLUTANTS.map((pollutant) => out[pollutant]);
  const bySector = AIR_POLLUTANTS.map((pollutant) => out.bySector[pollutant]);
  for (let p = 0; p < 3; p++) {
    totals[p]!.fill(0);
    bySector[p]!.fill(0);
  }
  const { perTce, covered, lineCount, lineSector } = air;
  for (let i = 0; i < covered.length; i++) {
    const l = covered[i]!;
    const quantity = workspace.lineQuantities(l);
    const offset = lineSector[l]! * years;
    for (let p = 0; p < 3; p++) {
      const factor = perTce[p * lineCount + l]!;
      if (factor === 0) continue;
      const total = totals[p]!;
      const sector = bySector[p]!;
      for (let y = 0; y < years; y++) {
        const tonnes = quantity[y]! * factor;
        total[y]! += tonnes;
        sector[offset + y]! += tonnes;
      }
    }
  }
  return out;
}
