/**
 * The straightforward way to recompute a pathway scenario, as a yardstick for the engine: read the
 * pathway document's raw values (numbers and "x%" strings) every time, build every driver, intensity,
 * share, grid factor and adoption curve from them year by year, then walk year → sector → carrier with
 * objects and maps keyed by carrier name. No compiled slots, no precomputed period lookups, no indices.
 *
 * Its starting point is the engine's calibration of the base year (each pathway line's factors per
 * tce or base-year masses, each sector's base-year energy by carrier): that is the inventory engine's
 * work, benchmarked on its own. It handles the document shapes bench/pathway-generate.ts writes (no
 * scenario `set`, drivers other than population and GDP given in their own units) and must give the
 * engine's BASIC total for every year; the bench checks that.
 */
import type { Pathway } from '@peakpath/core';

type Raw = unknown;
type Fields = Record<string, Raw>;

/** A pathway line as plain data, keyed by names rather than indices. */
interface BaseLine {
  sector: string;
  /** undefined for a non-energy line. */
  carrier: string | undefined;
  electricity: boolean;
  basic: boolean;
  fraction: number;
  co2: number;
  ch4: number;
  n2o: number;
  other: number;
  ch4Weight: number;
  mwhPerTce: number;
}

/** The engine's base-year calibration, as plain objects. */
export interface BaselineStart {
  lines: BaseLine[];
  /** Per sector: base-year tce by carrier name. */
  energy: Record<string, Map<string, number>>;
  /** tCO2/MWh of the inventory's electricity lines. */
  gridBase: number;
  n2oWeight: number;
}

export function baselineStart(pathway: Pathway): BaselineStart {
  const { model } = pathway;
  const lines: BaseLine[] = [];
  for (let l = 0; l < model.lines.count; l++) {
    const sector = model.sectors[model.lines.sector[l]!]!;
    const c = model.lines.carrier[l]!;
    lines.push({
      sector: sector.id,
      carrier: c < 0 ? undefined : sector.carriers[c],
      electricity: model.lines.electricity[l] === 1,
      basic: model.lines.basic[l] === 1,
      fraction: model.lines.fraction[l]!,
      co2: model.lines.co2[l]!,
      ch4: model.lines.ch4[l]!,
      n2o: model.lines.n2o[l]!,
      other: model.lines.other[l]!,
      ch4Weight: model.lines.ch4Weight[l]!,
      mwhPerTce: model.lines.mwhPerTce[l]!,
    });
  }
  const energy: Record<string, Map<string, number>> = {};
  for (const sector of model.sectors) energy[sector.id] = new Map(sector.carriers.map((carrier, c) => [carrier, sector.baseEnergy[c]!]));
  return { lines, energy, gridBase: model.gridBase * 3.6, n2oWeight: model.n2oWeight };
}

/** A number of the file: a plain number or "x%". */
function num(raw: Raw): number {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'string' && raw.trim().endsWith('%')) return Number(raw.trim().slice(0, -1)) / 100;
  throw new Error(`baseline: not a number: ${String(raw)}`);
}

/** The value of a `{ year: value }` map in force in `year` (the latest key at or before it); a bare value applies throughout. */
function inForce(periods: Raw, year: number): number {
  if (typeof periods === 'number' || typeof periods === 'string') return num(periods);
  let best: number | undefined;
  let value: Raw;
  for (const [key, v] of Object.entries(periods as Fields)) {
    const from = Number(key);
    if (from <= year && (best === undefined || from > best)) {
      best = from;
      value = v;
    }
  }
  if (best === undefined) throw new Error(`baseline: no value in force in ${year}`);
  return num(value);
}

/**
 * A series of the file, year by year: growth, points (linear or geometric, held after the last),
 * elasticity to a driver, share of a driver, or a constant. `base` is the base-year value when the
 * file does not give one (the inventory's, or 1 for an index).
 */
function series(spec: Fields, years: number[], base: number | undefined, driver: (id: string) => number[]): number[] {
  const first = years[0]!;
  const baseValue = (): number => {
    if (spec['base'] !== undefined) return num(spec['base']);
    if (base === undefined) throw new Error('baseline: series without a base');
    return base;
  };
  const out: number[] = [];
  if (spec['growth'] !== undefined) {
    let value = baseValue();
    for (const year of years) {
      if (year > first) value *= 1 + inForce(spec['growth'], year);
      out.push(value);
    }
  } else if (spec['points'] !== undefined) {
    const points = Object.entries(spec['points'] as Fields).map(([year, value]) => ({ year: Number(year), value: num(value) }));
    if (!points.some((point) => point.year === first)) points.push({ year: first, value: baseValue() });
    points.sort((a, b) => a.year - b.year);
    const geometric = spec['interpolation'] === 'geometric';
    for (const year of years) {
      let a = points[0]!;
      let b: { year: number; value: number } | undefined;
      for (let i = 0; i < points.length; i++) {
        if (points[i]!.year <= year) {
          a = points[i]!;
          b = points[i + 1];
        }
      }
      if (b === undefined || year <= a.year) out.push(a.value);
      else {
        const w = (year - a.year) / (b.year - a.year);
        out.push(geometric ? a.value ** (1 - w) * b.value ** w : a.value + (b.value - a.value) * w);
      }
    }
  } else if (spec['elasticity'] !== undefined) {
    const elasticity = spec['elasticity'] as Fields;
    const of = driver(elasticity['of'] as string);
    let value = baseValue();
    years.forEach((year, y) => {
      if (y > 0) value *= (of[y]! / of[y - 1]!) ** inForce(elasticity['value'], year);
      out.push(value);
    });
  } else if (spec['share'] !== undefined) {
    const { of, ...inner } = spec['share'] as Fields;
    const share = series(inner, years, undefined, driver);
    const total = driver(of as string);
    years.forEach((_, y) => out.push(share[y]! * total[y]!));
  } else {
    const value = baseValue();
    for (let y = 0; y < years.length; y++) out.push(value);
  }
  return out;
}

/** Adoption of an action in each year, 0–1: a ramp (linear or S-shaped), a yearly rate up to a ceiling, or stock turnover. */
function adoption(spec: Fields, years: number[], driver: (id: string) => number[]): number[] {
  const level = spec['level'] === undefined ? 1 : num(spec['level']);
  const start = num(spec['start']);
  if (spec['rate'] !== undefined) {
    const rate = num(spec['rate']);
    return years.map((year) => Math.min(level, rate * Math.max(0, year - start + 1)));
  }
  const full = num(spec['full']);
  const shape = years.map((year) => {
    const x = Math.min(1, Math.max(0, (year - start + 1) / (full - start + 1)));
    return spec['shape'] === 's-curve' ? x * x * (3 - 2 * x) : x;
  });
  if (spec['stock'] === undefined) return shape.map((x) => level * x);
  const stock = driver(spec['stock'] as string);
  const turnover = 1 / num(spec['lifetime']);
  const out = [0];
  let adopted = 0;
  for (let y = 1; y < years.length; y++) {
    const added = Math.max(0, stock[y]! - stock[y - 1]! * (1 - turnover));
    adopted = adopted * (1 - turnover) + level * shape[y]! * added;
    out.push(stock[y]! > 0 ? Math.min(1, adopted / stock[y]!) : 0);
  }
  return out;
}

const MWH_PER: Record<string, number> = { MWh: 1, 万千瓦时: 10, 亿千瓦时: 1e5 };
const GASES = ['CO2', 'CH4', 'N2O'];

/** BASIC and BASIC+ tCO2e per year of a scenario, recomputed from the documents. */
export function baselinePathway(document: Fields, inventory: Fields, start: BaselineStart, scenarioId: string): { basic: number[]; basicPlus: number[] } {
  const baseYear = inventory['year'] as number;
  const endYear = document['endYear'] as number;
  const years: number[] = [];
  for (let year = baseYear; year <= endYear; year++) years.push(year);
  const scenario = (document['scenarios'] as Fields)[scenarioId] as Fields;
  if (scenario['set'] !== undefined) throw new Error('baseline: scenario `set` is not supported');
  const taken = new Set(scenario['actions'] as string[]);

  // Drivers, each computed when first needed (the ones it refers to first).
  const driverSpecs = document['drivers'] as Fields;
  const drivers: Record<string, number[]> = {};
  const driver = (id: string): number[] => {
    if (drivers[id] === undefined) {
      const fromInventory = id === 'population' ? (inventory['population'] as number) : id === 'gdp' ? num((inventory['gdp'] as Fields)['value']) : undefined;
      drivers[id] = series(driverSpecs[id] as Fields, years, fromInventory, driver);
    }
    return drivers[id];
  };
  for (const id of Object.keys(driverSpecs)) driver(id);

  // Actions taken, with their adoption curves.
  const actions: { adoption: number[]; effects: Fields[] }[] = [];
  for (const [id, raw] of Object.entries(document['actions'] as Fields)) {
    if (!taken.has(id)) continue;
    const action = raw as Fields;
    actions.push({ adoption: adoption(action['adoption'] as Fields, years, driver), effects: action['effects'] as Fields[] });
  }

  // Sectors: their intensity and share trajectories.
  const sectors = Object.entries(document['sectors'] as Fields).map(([id, raw]) => {
    const spec = raw as Fields;
    const energy = start.energy[id]!;
    let baseTotal = 0;
    for (const tce of energy.values()) baseTotal += tce;
    const shares: Record<string, number[]> = {};
    for (const [carrier, share] of Object.entries((spec['shares'] as Fields | undefined) ?? {})) shares[carrier] = series(share as Fields, years, energy.get(carrier)! / baseTotal, driver);
    const intensity = spec['intensity'] === undefined ? years.map(() => 1) : series(spec['intensity'] as Fields, years, 1, driver);
    return { id, driver: driver(spec['driver'] as string), intensity, energy, baseTotal, shares, lines: start.lines.filter((line) => line.sector === id) };
  });
  const gridSpec = document['grid'] as Fields | undefined;
  const grid = gridSpec === undefined ? years.map(() => start.gridBase) : series(gridSpec, years, start.gridBase, driver);

  const basic: number[] = [];
  const basicPlus: number[] = [];
  years.forEach((_, y) => {
    const quantity = new Map<BaseLine, number>();
    for (const sector of sectors) {
      let factor = (sector.driver[y]! / sector.driver[0]!) * sector.intensity[y]!;
      for (const action of actions) {
        for (const effect of action.effects) if (effect['type'] === 'activity' && effect['sector'] === sector.id) factor *= 1 - action.adoption[y]! * num(effect['reduction']);
      }
      const total = sector.baseTotal * factor;
      // Business as usual: carriers with a share trajectory follow it, the rest share what is left pro rata.
      let fixed = 0;
      let fixedBase = 0;
      for (const [carrier, share] of Object.entries(sector.shares)) {
        fixed += share[y]!;
        fixedBase += sector.energy.get(carrier)!;
      }
      const scale = fixed > 1 ? 1 / fixed : 1;
      const before = new Map<string, number>();
      for (const [carrier, tce] of sector.energy) {
        const share = sector.shares[carrier];
        if (share !== undefined) before.set(carrier, share[y]! * scale * total);
        else before.set(carrier, sector.baseTotal - fixedBase > 0 ? (tce / (sector.baseTotal - fixedBase)) * (1 - Math.min(1, fixed)) * total : 0);
      }
      const now = new Map(before);
      // Switches: each source keeps Π(1 − moved) of its energy; what leaves is split among the switches by their moved share.
      const switches: { moved: number; from: string[]; to: string; ratio: number }[] = [];
      for (const action of actions) {
        for (const effect of action.effects) {
          if (effect['type'] !== 'switch' || effect['sector'] !== sector.id) continue;
          const moved = Math.min(1, action.adoption[y]! * (effect['share'] === undefined ? 1 : num(effect['share'])));
          if (moved === 0) continue;
          const from = typeof effect['from'] === 'string' ? [effect['from']] : (effect['from'] as string[]);
          switches.push({ moved, from, to: effect['to'] as string, ratio: effect['ratio'] === undefined ? 1 : num(effect['ratio']) });
        }
      }
      const movedSum = new Map<string, number>();
      const kept = new Map<string, number>();
      for (const { moved, from } of switches) {
        for (const carrier of from) {
          movedSum.set(carrier, (movedSum.get(carrier) ?? 0) + moved);
          kept.set(carrier, (kept.get(carrier) ?? 1) * (1 - moved));
        }
      }
      for (const { moved, from, to, ratio } of switches) {
        for (const carrier of from) {
          const leaving = before.get(carrier)! * (1 - kept.get(carrier)!) * (moved / movedSum.get(carrier)!);
          now.set(carrier, now.get(carrier)! - leaving);
          now.set(to, now.get(to)! + leaving * ratio);
        }
      }
      for (const action of actions) {
        for (const effect of action.effects) {
          if (effect['type'] !== 'efficiency' || effect['sector'] !== sector.id) continue;
          const keep = 1 - action.adoption[y]! * num(effect['reduction']);
          for (const carrier of now.keys()) if (effect['carrier'] === undefined || effect['carrier'] === carrier) now.set(carrier, now.get(carrier)! * keep);
        }
      }
      for (const line of sector.lines) quantity.set(line, line.carrier === undefined ? factor : now.get(line.carrier)! * line.fraction);
    }

    // Local generation displaces grid electricity, up to all of it.
    let generated = 0;
    for (const action of actions) {
      for (const effect of action.effects) if (effect['type'] === 'generation') generated += action.adoption[y]! * num(effect['value']) * MWH_PER[effect['unit'] as string]!;
    }
    let demand = 0;
    for (const [line, tce] of quantity) if (line.electricity) demand += tce * line.mwhPerTce;
    const displaced = generated > 0 && demand > 0 ? Math.min(1, generated / demand) : 0;

    let yearBasic = 0;
    let yearBasicPlus = 0;
    for (const [line, amount] of quantity) {
      const scale = line.electricity ? amount * (grid[y]! / start.gridBase) * (1 - displaced) : amount;
      const keep: Record<string, number> = { CO2: 1, CH4: 1, N2O: 1, other: 1 };
      for (const action of actions) {
        for (const effect of action.effects) {
          if (effect['type'] !== 'emissions' || effect['sector'] !== line.sector) continue;
          if (effect['carrier'] !== undefined && effect['carrier'] !== line.carrier) continue;
          const factor = 1 - action.adoption[y]! * num(effect['reduction']);
          for (const gas of effect['gas'] === undefined ? [...GASES, 'other'] : [effect['gas'] as string]) keep[gas]! *= factor;
        }
      }
      const co2e = scale * (line.co2 * keep['CO2']! + line.ch4 * keep['CH4']! * line.ch4Weight + line.n2o * keep['N2O']! * start.n2oWeight + line.other * keep['other']!);
      yearBasicPlus += co2e;
      if (line.basic) yearBasic += co2e;
    }
    basic.push(yearBasic);
    basicPlus.push(yearBasicPlus);
  });
  return { basic, basicPlus };
}
