import { z } from 'zod';
import { parseUnit, type Dimension, type Unit } from '../units/units.ts';
import { COMBUSTION_CONTEXTS } from '../gpc/structure.ts';
import { FUEL_IDS } from './fuels.ts';

export const FACTOR_KINDS = [
  'ncv',
  'co2-ef',
  'ch4-ef',
  'n2o-ef',
  'carbon-content',
  'oxidation',
  'gwp',
  'grid',
  'tce-coefficient',
  'air-pollutant',
  'parameter',
] as const;
export type FactorKind = (typeof FACTOR_KINDS)[number];

/** The dimensions a factor of each kind may have; checked for every record on load. */
const KIND_DIMENSIONS: Record<FactorKind, readonly Dimension[]> = {
  ncv: ['energy/mass', 'energy/volume'],
  'co2-ef': ['mass/energy', 'mass/mass', 'mass/volume'],
  'ch4-ef': ['mass/energy', 'mass/mass', 'mass/volume'],
  'n2o-ef': ['mass/energy', 'mass/mass', 'mass/volume'],
  'carbon-content': ['carbon/energy'],
  oxidation: ['dimensionless'],
  gwp: ['dimensionless'],
  grid: ['mass/energy'],
  'tce-coefficient': ['energy/mass', 'energy/volume', 'energy/energy'],
  'air-pollutant': ['mass/energy', 'mass/mass'],
  // A method's default parameter (waste DOC, MCF, decay rate, livestock factors, …): any dimension.
  parameter: [],
};

export const VERIFICATION_LEVELS = ['verified', 'secondary', 'unverified'] as const;
/** How well a value is backed: read from a machine-readable source, a secondary transcription, or recalled. */
export type Verification = (typeof VERIFICATION_LEVELS)[number];
export const GWP_SETS = ['AR4', 'AR5', 'AR6'] as const;
export type GwpSet = (typeof GWP_SETS)[number];
export const GASES = ['CO2', 'CH4', 'N2O'] as const;
export type Gas = (typeof GASES)[number];

const name = z.object({ en: z.string().min(1), zh: z.string().min(1) }).strict();

const sourceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
    title: z.string().min(1),
    titleZh: z.string().min(1).optional(),
    publisher: z.string().min(1),
    edition: z.string().min(1),
    year: z.number().int(),
    note: z.string().optional(),
  })
  .strict();

const factorSchema = z
  .object({
    id: z.string().regex(/^([a-z0-9][a-z0-9._-]*|CN-[a-z0-9-]+-\d{4}|CN-ets-[a-z0-9-]+)$/),
    kind: z.enum(FACTOR_KINDS),
    value: z.number().finite(),
    unit: z.string().min(1),
    fuel: z.enum(FUEL_IDS).optional(),
    fuelGroup: z.enum(['coal', 'oil', 'gas']).optional(),
    gas: z.enum(GASES).optional(),
    /** Air pollutants: SO2 (the EMEP/EEA Guidebook's SOx, expressed as SO2), NOx (as NO2), PM2.5. */
    pollutant: z.enum(['SO2', 'NOx', 'PM2.5']).optional(),
    context: z.enum([...COMBUSTION_CONTEXTS, 'power-heat']).optional(),
    technology: z.string().min(1).optional(),
    gwpSet: z.enum(GWP_SETS).optional(),
    ch4Origin: z.enum(['fossil', 'non-fossil']).optional(),
    region: z.string().min(1).optional(),
    year: z.number().int().optional(),
    /**
     * Grid factors published year by year (MEE/NBS): the series id without its year (`CN-east` for
     * CN-east-2022), by which an inventory names the factor of its own year (grid-series.ts).
     */
    series: z.string().regex(/^CN-[a-z0-9-]+$/).optional(),
    /** A provincial grid factor: the regional grid its province belongs to (`north`, `east`, …). */
    regionalGrid: z.enum(['north', 'northeast', 'east', 'central', 'northwest', 'south', 'southwest']).optional(),
    /** `carbon-market`: a factor set for enterprise reporting under the carbon market, a series of its own, never chosen by year. */
    scheme: z.enum(['carbon-market']).optional(),
    /** For kind "parameter": the method (e.g. "solid-waste"), the parameter (e.g. "doc") and its category and variant (e.g. "food", "temperate-wet"). */
    method: z.string().min(1).optional(),
    parameter: z.string().min(1).optional(),
    category: z.string().min(1).optional(),
    variant: z.string().min(1).optional(),
    source: z.string().min(1),
    table: z.string().min(1),
    verification: z.enum(VERIFICATION_LEVELS),
    name,
    note: z.string().optional(),
  })
  .strict();

export type Source = z.infer<typeof sourceSchema>;
type FactorRecord = z.infer<typeof factorSchema>;

/** A value of the library with its provenance; `toBase` is `value` in the base units of its dimension. */
export interface Factor extends Omit<FactorRecord, 'unit' | 'source'> {
  readonly unit: Unit;
  readonly toBase: number;
  readonly source: Source;
}

/** The fields a factor can be selected by. */
export type FactorCriteria = Partial<
  Pick<
    FactorRecord,
    'kind' | 'fuel' | 'fuelGroup' | 'gas' | 'pollutant' | 'context' | 'technology' | 'gwpSet' | 'ch4Origin' | 'region' | 'year' | 'method' | 'parameter' | 'category' | 'variant'
  >
> & { source?: string };

export interface FactorFile {
  readonly name: string;
  readonly data: unknown;
}

/** Raised on load when a data file breaks the schema or a rule; names the file and the record. */
export class FactorDataError extends Error {
  override name = 'FactorDataError';
}

/** The factor library: every value with its source, validated when loaded, searchable. */
export class FactorLibrary {
  readonly version: string;
  readonly sources: ReadonlyMap<string, Source>;
  readonly factors: readonly Factor[];
  private readonly byId: ReadonlyMap<string, Factor>;

  constructor(version: string, sourcesData: unknown, files: readonly FactorFile[]) {
    this.version = version;
    const sources = z.object({ sources: z.array(sourceSchema) }).safeParse(sourcesData);
    if (!sources.success) throw new FactorDataError(`sources.json: ${z.prettifyError(sources.error)}`);
    const sourceMap = new Map<string, Source>();
    for (const source of sources.data.sources) {
      if (sourceMap.has(source.id)) throw new FactorDataError(`sources.json: source "${source.id}" is defined twice`);
      sourceMap.set(source.id, source);
    }
    const byId = new Map<string, Factor>();
    const problems: string[] = [];
    for (const file of files) {
      const parsed = z.object({ factors: z.array(factorSchema) }).safeParse(file.data);
      if (!parsed.success) {
        problems.push(`${file.name}: ${z.prettifyError(parsed.error)}`);
        continue;
      }
      for (const record of parsed.data.factors) {
        const where = `${file.name}: ${record.id}`;
        const unit = parseUnit(record.unit);
        const source = sourceMap.get(record.source);
        if (!unit) problems.push(`${where}: unknown unit "${record.unit}"`);
        else if (record.kind !== 'parameter' && !KIND_DIMENSIONS[record.kind].includes(unit.dimension))
          problems.push(`${where}: unit ${record.unit} (${unit.dimension}) does not fit a ${record.kind} factor`);
        if (!source) problems.push(`${where}: unknown source "${record.source}"`);
        if (byId.has(record.id)) problems.push(`${where}: id defined twice`);
        if (record.kind === 'oxidation' && (record.value < 0 || record.value > 1)) problems.push(`${where}: oxidation rate outside 0–1`);
        if (record.kind !== 'oxidation' && record.kind !== 'parameter' && record.value <= 0) problems.push(`${where}: value must be positive`);
        if (record.kind === 'parameter' && (record.method === undefined || record.parameter === undefined)) problems.push(`${where}: a parameter needs method and parameter`);
        if (record.kind === 'parameter' && record.value < 0) problems.push(`${where}: value must not be negative`);
        if (record.series !== undefined && (record.kind !== 'grid' || record.scheme !== undefined || record.id !== `${record.series}-${String(record.year)}`)) {
          problems.push(`${where}: a series is for statistical grid factors, with the id <series>-<year>`);
        }
        if (record.scheme === 'carbon-market' && !record.id.startsWith('CN-ets-')) problems.push(`${where}: carbon-market factors have ids CN-ets-…`);
        if (unit && source) byId.set(record.id, { ...record, unit, source, toBase: record.value * unit.toBase });
      }
    }
    for (const factor of byId.values()) {
      if (factor.series !== undefined && byId.has(factor.series)) problems.push(`${factor.series}: an id may not also name a grid series`);
    }
    if (problems.length > 0) throw new FactorDataError(`factor library is invalid:\n${problems.join('\n')}`);
    this.sources = sourceMap;
    this.byId = byId;
    this.factors = [...byId.values()];
  }

  get(id: string): Factor | undefined {
    return this.byId.get(id);
  }

  /** Every factor matching all the given criteria (a criterion left out matches anything). */
  select(criteria: FactorCriteria): Factor[] {
    return this.factors.filter((factor) => matches(factor, criteria));
  }

  /**
   * The one factor matching the criteria, or undefined; several matches mean the data or the
   * criteria are ambiguous, which is a fault in the library, never resolved by picking one.
   */
  one(criteria: FactorCriteria): Factor | undefined {
    const found = this.select(criteria);
    if (found.length > 1) {
      throw new FactorDataError(`ambiguous factor selection ${JSON.stringify(criteria)}: ${found.map((f) => f.id).join(', ')}`);
    }
    return found[0];
  }

  /**
   * Free-text search: every word of the query must match (case-insensitive) the start of a word
   * of the factor's id, kind, fuel, gas, names, region, table or source title ("east" finds
   * CN-east-2022, not CN-northeast-2022); Chinese words match anywhere in the text.
   */
  search(query: string): Factor[] {
    const words = query.toLowerCase().split(/\s+/).filter((word) => word !== '');
    if (words.length === 0) return [...this.factors];
    return this.factors.filter((factor) => {
      const { text, tokens } = searchIndex(factor);
      return words.every((word) => (CJK.test(word) ? text.includes(word) : tokens.some((token) => token.startsWith(word))));
    });
  }
}

const CJK = /[\u3400-\u9fff]/;
const indexCache = new WeakMap<Factor, { text: string; tokens: string[] }>();

function searchIndex(factor: Factor): { text: string; tokens: string[] } {
  let index = indexCache.get(factor);
  if (!index) {
    const text = searchText(factor);
    const words = text.split(/[\s,;:()（），、/]+/).filter((word) => word !== '');
    const tokens = [...words, ...words.flatMap((word) => word.split(/[._-]+/))];
    index = { text, tokens };
    indexCache.set(factor, index);
  }
  return index;
}

function matches(factor: Factor, criteria: FactorCriteria): boolean {
  for (const [key, wanted] of Object.entries(criteria)) {
    if (wanted === undefined) continue;
    const actual = key === 'source' ? factor.source.id : factor[key as keyof FactorCriteria];
    if (actual !== wanted) return false;
  }
  return true;
}

function searchText(factor: Factor): string {
  return [
    factor.id,
    factor.kind,
    factor.fuel,
    factor.fuelGroup,
    factor.gas,
    factor.pollutant,
    factor.context,
    factor.technology,
    factor.gwpSet,
    factor.region,
    factor.year,
    factor.method,
    factor.parameter,
    factor.category,
    factor.variant,
    factor.name.en,
    factor.name.zh,
    factor.table,
    factor.source.id,
    factor.source.title,
    factor.source.titleZh,
  ]
    .filter((part) => part !== undefined)
    .join(' ')
    .toLowerCase();
}

/** "IPCC 2006 … Vol. 2 Energy, Ch. 1, Table 1.2 (2006)": where a value comes from, for output and reports. */
export function citation(factor: Factor): string {
  return `${factor.source.title} (${factor.source.edition}), ${factor.table}`;
}
