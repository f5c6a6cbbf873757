import { factorRef, type FactorRef } from '../accounting/statements.ts';
import type { Path } from '../issues/issue.ts';
import type { Fields, GivenValue, Reader } from '../reading/reader.ts';
import type { Dimension } from '../units/units.ts';
import { DEDUCTIONS, GENERATION_SOURCES, type Deduction, type Generation, type OfficialOptions, type Supply } from './types.ts';

const fieldSet = (...fields: string[]): ReadonlySet<string> => new Set(fields);
const SUPPLY_FIELDS = fieldSet('electricity', 'heat');
const ELECTRICITY_FIELDS = fieldSet('generation', 'imports', 'exports', 'nonFossilImports', 'grid');
const HEAT_FIELDS = fieldSet('generation', 'imports', 'exports', 'ef');
const GENERATION_FIELDS = fieldSet('source', 'amount', 'unit', 'chp', 'note');
const OFFICIAL_FIELDS = fieldSet('heat', 'importedElectricity', 'deductions', 'renewableBase', 'coalRate');
const RENEWABLE_BASE_FIELDS = fieldSet('year', 'amount');

/** A `{ value, unit }` of the given dimension in base units (GJ for energy), or undefined (reported). */
function quantity(reader: Reader, fields: Fields, key: string, path: Path, dimension: Dimension): number | undefined {
  const given = reader.given(fields, key, path);
  if (!given) return undefined;
  if (given.value < 0) return void reader.report([...path, key, 'value'], { code: 'negative' });
  return inDimension(reader, given, [...path, key], dimension);
}

function inDimension(reader: Reader, given: GivenValue, path: Path, dimension: Dimension): number | undefined {
  if (given.unit.dimension !== dimension) {
    return void reader.report([...path, 'unit'], { code: 'wrong-dimension', unit: given.unit.id, got: given.unit.dimension, expected: [dimension] });
  }
  return given.value * given.unit.toBase;
}

const GJ_PER_MWH = 3.6;

/**
 * The inventory file's `supply`: local generation of electricity and heat by source, and the
 * transfers across the boundary (docs/inventory-file.md, "Local supply and China's official
 * quantities"). Absent: no local generation, stated with the result.
 */
export function readSupply(reader: Reader, top: Fields, readGrid: (fields: Fields, path: Path) => FactorRef | null | undefined): Supply | undefined {
  const empty: Supply = { electricity: { generation: [] }, heat: { generation: [] } };
  if (top['supply'] === undefined) return empty;
  const at = ['supply'];
  const fields = reader.object(top['supply'], at);
  if (!fields) return undefined;
  reader.onlyFields(fields, SUPPLY_FIELDS, at);
  let ok = true;

  let electricity: Supply['electricity'] = empty.electricity;
  if (fields['electricity'] !== undefined) {
    const path = [...at, 'electricity'];
    const block = reader.object(fields['electricity'], path);
    if (!block) ok = false;
    else {
      reader.onlyFields(block, ELECTRICITY_FIELDS, path);
      const generation = readGeneration(reader, block, path, 'electricity');
      const { imports, exports } = readTransfers(reader, block, path);
      const nonFossilImports = quantity(reader, block, 'nonFossilImports', path, 'energy');
      const factor = readGrid(block, path);
      const mwh = (gj: number | undefined): number | undefined => (gj === undefined ? undefined : gj / GJ_PER_MWH);
      if (!generation || factor === null) ok = false;
      else electricity = { generation, imports: mwh(imports), exports: mwh(exports), nonFossilImports: mwh(nonFossilImports), factor };
    }
  }

  let heat: Supply['heat'] = empty.heat;
  if (fields['heat'] !== undefined) {
    const path = [...at, 'heat'];
    const block = reader.object(fields['heat'], path);
    if (!block) ok = false;
    else {
      reader.onlyFields(block, HEAT_FIELDS, path);
      const generation = readGeneration(reader, block, path, 'heat');
      const { imports, exports } = readTransfers(reader, block, path);
      const ef = reader.given(block, 'ef', path);
      let factor: FactorRef | undefined;
      let tPerGj: number | undefined;
      if (ef) {
        tPerGj = inDimension(reader, ef, [...path, 'ef'], 'mass/energy');
        if (tPerGj !== undefined) factor = { id: 'supply.heat.ef', value: ef.value, unit: ef.unit.id, source: ef.source ?? 'given in supply.heat.ef' };
        else ok = false;
      }
      if (!generation) ok = false;
      else heat = { generation, imports, exports, factor, tPerGj };
    }
  }
  return ok ? { electricity, heat } : undefined;
}

/** Stated transfers across the boundary (调入, 调出), GJ: both or neither. */
function readTransfers(reader: Reader, block: Fields, path: Path): { imports?: number | undefined; exports?: number | undefined } {
  const imports = quantity(reader, block, 'imports', path, 'energy');
  const exports = quantity(reader, block, 'exports', path, 'energy');
  if ((block['imports'] === undefined) !== (block['exports'] === undefined)) {
    reader.report([...path, block['imports'] === undefined ? 'imports' : 'exports'], { code: 'required' });
  }
  return { imports, exports };
}

function readGeneration(reader: Reader, block: Fields, path: Path, kind: 'electricity' | 'heat'): Generation[] | undefined {
  if (block['generation'] === undefined) return [];
  const at = [...path, 'generation'];
  const list = block['generation'];
  if (!Array.isArray(list)) return void reader.report(at, { code: 'type', expected: 'array', got: typeof list });
  const out: Generation[] = [];
  let ok = true;
  list.forEach((raw: unknown, index) => {
    const here = [...at, index];
    const fields = reader.object(raw, here);
    if (!fields) return void (ok = false);
    reader.onlyFields(fields, GENERATION_FIELDS, here);
    const source = reader.choice(fields, 'source', here, GENERATION_SOURCES, true);
    const amount = reader.number(fields, 'amount', here, { required: true });
    const unit = reader.unit(fields, 'unit', here, true);
    reader.string(fields, 'note', here, false);
    const chp = fields['chp'];
    if (chp !== undefined && typeof chp !== 'boolean') reader.report([...here, 'chp'], { code: 'type', expected: 'boolean', got: typeof chp });
    if (unit && unit.dimension !== 'energy') reader.report([...here, 'unit'], { code: 'wrong-dimension', unit: unit.id, got: unit.dimension, expected: ['energy'] });
    if (source === undefined || amount === undefined || !unit || unit.dimension !== 'energy') return void (ok = false);
    const gj = amount * unit.toBase;
    out.push({ source, amount: kind === 'electricity' ? gj / GJ_PER_MWH : gj, chp: chp === true, index });
  });
  return ok ? out : undefined;
}

/** The deductions in force for the assessed total of a year (china-accounting.md §2), when the file names none. */
export function deductionsInForce(year: number): Deduction[] {
  if (year < 2020) return [];
  // 803号 (2022): feedstock out of the 14th-FYP total, base year 2020 included; new renewables out from the
  // 2022-11 notice (base 2020); from the 2024-02 notice all non-fossil energy, which covers the renewables.
  return year >= 2024 ? ['feedstock', 'non-fossil'] : ['feedstock', 'new-renewables'];
}

/** The file's `official` choices, each default applied where it is silent (stated with the result). */
export function readOfficial(reader: Reader, top: Fields, year: number | undefined, coalRateFromAccounting: GivenValue | undefined): OfficialOptions | undefined {
  const at = ['official'];
  const raw = top['official'];
  const fields = raw === undefined ? {} : reader.object(raw, at);
  if (!fields) return undefined;
  reader.onlyFields(fields, OFFICIAL_FIELDS, at);
  const heat = reader.choice(fields, 'heat', at, ['excluded', 'net-imports'] as const, false) ?? 'excluded';
  const importedElectricity = reader.choice(fields, 'importedElectricity', at, ['coal-equivalent', 'calorific'] as const, false) ?? 'coal-equivalent';
  let deductions: Deduction[] | undefined = deductionsInForce(year ?? 2100);
  const given = fields['deductions'];
  if (given !== undefined) {
    if (!Array.isArray(given)) {
      reader.report([...at, 'deductions'], { code: 'type', expected: 'array', got: typeof given });
      deductions = undefined;
    } else {
      const seen = new Map<string, Path>();
      deductions = [];
      given.forEach((item: unknown, index) => {
        const here = [...at, 'deductions', index];
        if (typeof item !== 'string' || !(DEDUCTIONS as readonly string[]).includes(item)) {
          reader.report(here, { code: 'enum', got: String(item), allowed: DEDUCTIONS });
          return;
        }
        if (!reader.distinct(seen, item, here)) return;
        deductions?.push(item as Deduction);
      });
      if (deductions.includes('new-renewables') && deductions.includes('non-fossil')) {
        reader.report([...at, 'deductions'], { code: 'conflict', fields: ['new-renewables', 'non-fossil'] });
      }
    }
  }
  let renewableBase: OfficialOptions['renewableBase'];
  if (fields['renewableBase'] !== undefined) {
    const path = [...at, 'renewableBase'];
    const base = reader.object(fields['renewableBase'], path);
    if (base) {
      reader.onlyFields(base, RENEWABLE_BASE_FIELDS, path);
      const baseYear = reader.number(base, 'year', path, { required: true, integer: true, min: 2000, max: 2100 });
      const gj = quantity(reader, base, 'amount', path, 'energy');
      if (base['amount'] === undefined) reader.report([...path, 'amount'], { code: 'required' });
      if (baseYear !== undefined && year !== undefined && baseYear > year) reader.report([...path, 'year'], { code: 'after-inventory-year', got: baseYear, year });
      if (baseYear !== undefined && gj !== undefined) renewableBase = { year: baseYear, mwh: gj / GJ_PER_MWH };
    }
  }
  let coalRate: OfficialOptions['coalRate'];
  const rate = reader.given(fields, 'coalRate', at);
  if (rate) {
    if (rate.unit.dimension !== 'energy/energy') {
      reader.report([...at, 'coalRate', 'unit'], { code: 'wrong-dimension', unit: rate.unit.id, got: rate.unit.dimension, expected: ['energy/energy'] });
    } else if (coalRateFromAccounting && Math.abs(coalRateFromAccounting.value * coalRateFromAccounting.unit.toBase - rate.value * rate.unit.toBase) > 1e-12) {
      reader.report([...at, 'coalRate'], { code: 'conflict', fields: ['official.coalRate', 'energyAccounting.coalRate'] });
    } else coalRate = gcePerKwh(rate);
  } else if (coalRateFromAccounting) coalRate = gcePerKwh(coalRateFromAccounting);
  if (deductions === undefined) return undefined;
  return { heat, importedElectricity, deductions, deductionsGiven: given !== undefined, renewableBase, coalRate };
}

/** gce per kWh from an energy-per-energy ratio (gce/kWh, kgce/kWh …): ratio × 3.6 MJ/kWh ÷ 29.3076 kJ/gce. */
function gcePerKwh(rate: GivenValue): { gcePerKwh: number; source?: string | undefined } {
  const ratio = rate.value * rate.unit.toBase;
  return { gcePerKwh: (ratio * 0.0036) / 0.0000293076, source: rate.source };
}

/** The grid factor of a `grid` id as a reference, for a reader that resolves ids to library factors. */
export function gridRef(factor: Parameters<typeof factorRef>[0] | null | undefined): FactorRef | null | undefined {
  if (factor === null) return null;
  return factor === undefined ? undefined : factorRef(factor);
}
