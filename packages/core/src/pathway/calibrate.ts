import { GPC_ROWS, type GpcRow } from '../gpc/structure.ts';
import type { Path } from '../issues/issue.ts';
import type { Reader } from '../reading/reader.ts';
import type { ComputingLine, Inventory } from '../inventory/types.ts';
import { unit } from '../units/units.ts';
import { FUELS } from '../factors/fuels.ts';
import { officialPart } from '../official/compute.ts';

/** A sector as the file names it: which GPC rows it takes from the inventory. */
export interface SectorRows {
  readonly id: string;
  readonly patterns: readonly string[];
  /** Whether `gpc` was one string rather than a list: its problems are then at `gpc`, not `gpc[i]`. */
  readonly single?: boolean | undefined;
  readonly path: Path;
}

/**
 * A line of the pathway before compilation: the inventory's lines of one sector, one carrier, one
 * reporting class (BASIC or BASIC+ only), one scope and one CH4 weight, summed.
 */
export interface LineDraft {
  readonly sector: number;
  /** Energy carrier ("natural_gas", "electricity", "heat", "method:road-vkt"); undefined for non-energy lines. */
  readonly carrier: string | undefined;
  readonly electricity: boolean;
  readonly basic: boolean;
  readonly scope: 1 | 2 | 3;
  readonly ch4Weight: number;
  readonly rows: Set<string>;
  /** Base-year tce of each GPC row in the line (energy lines; empty for non-energy and switched-in lines). */
  readonly rowTce: Map<string, number>;
  /** Base year: tce (energy lines), masses t, tCO2e of other gases, MWh (electricity). */
  tce: number;
  co2: number;
  ch4: number;
  n2o: number;
  other: number;
  mwh: number;
  /** Base year, China's official quantities (official/compute.ts officialPart): combustion CO2 (t), fossil tce (calorific), MWh of consumption. */
  officialCo2: number;
  fossilTce: number;
  officialMwh: number;
  /** A carrier switched into a sector that had none: its factors per tce, from the inventory's other lines of it. */
  readonly perTce?: { readonly co2: number; readonly ch4: number; readonly n2o: number; readonly other: number; readonly mwh: number; readonly officialCo2: number; readonly fossilTce: number; readonly officialMwh: number } | undefined;
}

export interface Calibration {
  readonly lines: LineDraft[];
  /** Per sector: its carriers in order of first appearance, and their base-year tce. */
  readonly carriers: { names: string[]; energy: number[] }[];
  /** tCO2/MWh over the inventory's electricity lines (0 when it has none). */
  readonly gridBase: number;
  /** Rows the pathway leaves out (territorial-only and "other" rows with emissions). */
  readonly excludedRows: readonly string[];
  /**
   * The official quantities' parts in rows the sectors leave out: the fuel of power and heat plants
   * (I.4.4 fuel lines) by fuel family, projected by the supply model; anything else held at the base year.
   */
  readonly outside: OutsideRows;
}

/** Plant fuel of I.4.4 by fuel family (GB/T fuel groups: coal fuels, oil products, natural gas), and what is held. */
export interface OutsideRows {
  readonly plants: Record<'coal' | 'oil' | 'gas', { co2: number; fossilTce: number }>;
  readonly held: { co2: number; fossilTce: number; mwh: number; rows: Set<string> };
}

/** GJ in a MWh, from the unit table (energy's base unit is the GJ). */
export const GJ_PER_MWH = unit('MWh').toBase;

function matches(pattern: string, ref: string): boolean {
  return ref === pattern || ref.startsWith(`${pattern}.`);
}

function carrierOf(line: ComputingLine): string | undefined {
  if (line.recipe.tce === 0) return undefined;
  if (line.form === 'fuel') return line.fuel;
  if (line.form === 'electricity' || line.form === 'heat') return line.form;
  return `${line.form}:${line.method ?? line.gas ?? ''}`;
}

/**
 * Splits the inventory's lines among the file's sectors. Every BASIC and BASIC+ row with emissions
 * or energy must fall in exactly one sector; a row in two sectors, a row in none and a sector with
 * nothing are errors, since each would make the pathway's base year differ from the inventory.
 */
export function calibrate(inventory: Inventory, sectors: readonly SectorRows[], n2oWeight: number, reader: Reader): Calibration {
  const sectorOfRow = new Map<string, number>();
  sectors.forEach((sector, s) => {
    sector.patterns.forEach((pattern, i) => {
      let any = false;
      for (const row of GPC_ROWS.values()) {
        if (!matches(pattern, row.ref)) continue;
        any = true;
        const other = sectorOfRow.get(row.ref);
        if (other !== undefined && other !== s) {
          reader.report(sector.single ? [...sector.path, 'gpc'] : [...sector.path, 'gpc', i], { code: 'overlapping-sectors', gpc: row.ref, sectors: [sectors[other]!.id, sector.id] });
        } else sectorOfRow.set(row.ref, s);
      }
      if (!any) reader.report(sector.single ? [...sector.path, 'gpc'] : [...sector.path, 'gpc', i], { code: 'unknown-gpc', got: pattern });
    });
  });

  const lines: LineDraft[] = [];
  const byKey = new Map<string, LineDraft>();
  const carriers = sectors.map(() => ({ names: [] as string[], energy: [] as number[] }));
  const excluded = new Set<string>();
  const unmapped = new Set<string>();
  let gridCo2 = 0;
  let gridMwh = 0;
  const outside: OutsideRows = {
    plants: { coal: { co2: 0, fossilTce: 0 }, oil: { co2: 0, fossilTce: 0 }, gas: { co2: 0, fossilTce: 0 } },
    held: { co2: 0, fossilTce: 0, mwh: 0, rows: new Set() },
  };
  for (const line of inventory.lines) {
    if (line.form === 'notation') continue;
    const { amount, recipe } = line;
    const tce = amount * recipe.tce;
    const co2e = amount * recipe.co2e;
    const official = officialPart(line);
    const row: GpcRow = line.row;
    if (row.level !== 'BASIC' && row.level !== 'BASIC+') {
      if (tce !== 0 || co2e !== 0 || amount * recipe.co2 !== 0) excluded.add(row.ref);
      // I.4.4 (territorial only, never BASIC): the plants' fuel follows their output in the supply model.
      const family = row.ref === 'I.4.4' && line.form === 'fuel' && line.fuel !== undefined ? FUELS.get(line.fuel)?.stationaryGroup : undefined;
      const bucket = family ? outside.plants[family] : outside.held;
      bucket.co2 += official.combustionCo2;
      bucket.fossilTce += official.fossilTce;
      if (!family && official.combustionCo2 + official.fossilTce + official.electricityMwh !== 0) {
        outside.held.mwh += official.electricityMwh;
        outside.held.rows.add(row.ref);
      }
      continue;
    }
    if (tce === 0 && co2e === 0 && amount * recipe.co2 === 0) {
      outside.held.co2 += official.combustionCo2;
      outside.held.fossilTce += official.fossilTce;
      outside.held.mwh += official.electricityMwh;
      continue;
    }
    const s = sectorOfRow.get(row.ref);
    if (s === undefined) {
      unmapped.add(row.ref);
      continue;
    }
    const carrier = carrierOf(line);
    const ch4Weight = recipe.ch4 === 0 ? 0 : (recipe.co2e - recipe.co2 - recipe.n2o * n2oWeight - recipe.otherCo2e) / recipe.ch4;
    const electricity = line.form === 'electricity';
    const key = `${s}|${carrier ?? `${line.form}:${line.method ?? line.gas ?? ''}`}|${carrier === undefined ? 'n' : 'e'}|${row.level}|${row.scope}|${ch4Weight.toPrecision(12)}`;
    let draft = byKey.get(key);
    if (!draft) {
      draft = { sector: s, carrier, electricity, basic: row.level === 'BASIC', scope: row.scope, ch4Weight, rows: new Set(), rowTce: new Map(), tce: 0, co2: 0, ch4: 0, n2o: 0, other: 0, mwh: 0, officialCo2: 0, fossilTce: 0, officialMwh: 0 };
      byKey.set(key, draft);
      lines.push(draft);
    }
    draft.rows.add(row.ref);
    draft.tce += tce;
    if (tce !== 0) draft.rowTce.set(row.ref, (draft.rowTce.get(row.ref) ?? 0) + tce);
    draft.co2 += amount * recipe.co2;
    draft.ch4 += amount * recipe.ch4;
    draft.n2o += amount * recipe.n2o;
    draft.other += amount * recipe.otherCo2e;
    draft.officialCo2 += official.combustionCo2;
    draft.fossilTce += official.fossilTce;
    draft.officialMwh += official.electricityMwh;
    if (electricity && line.unit.dimension === 'energy') {
      const mwh = (amount * line.unit.toBase) / GJ_PER_MWH;
      draft.mwh += mwh;
      gridMwh += mwh;
      gridCo2 += amount * recipe.co2;
    }
    if (carrier !== undefined) {
      const own = carriers[s]!;
      let c = own.names.indexOf(carrier);
      if (c < 0) {
        c = own.names.push(carrier) - 1;
        own.energy.push(0);
      }
      own.energy[c]! += tce;
    }
  }
  for (const ref of unmapped) reader.report(['sectors'], { code: 'unmapped-row', gpc: ref });
  sectors.forEach((sector, s) => {
    if (!lines.some((line) => line.sector === s)) reader.report([...sector.path, 'gpc'], { code: 'empty-sector', gpc: sector.patterns });
  });
  return { lines, carriers, gridBase: gridMwh > 0 ? gridCo2 / gridMwh : 0, excludedRows: [...excluded].sort(), outside };
}
