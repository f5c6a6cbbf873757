import { z } from 'zod';
import gpcData from '../../data/gpc.json' with { type: 'json' };

export const REPORTING_LEVELS = ['BASIC', 'BASIC+', 'territorial', 'other'] as const;
/** BASIC+ rows add to BASIC; territorial-only rows (I.4.4, III.x.3) count in scope 1 but in neither. */
export type ReportingLevel = (typeof REPORTING_LEVELS)[number];
export type Scope = 1 | 2 | 3;

export const LINE_FORMS = ['fuel', 'electricity', 'heat', 'emissions', 'notation'] as const;
export type LineForm = (typeof LINE_FORMS)[number];

/** Context of the IPCC 2006 CH4/N2O factors for fuel combustion on a sub-sector. */
export const COMBUSTION_CONTEXTS = ['energy-industries', 'manufacturing', 'commercial', 'residential', 'road', 'off-road'] as const;
export type CombustionContext = (typeof COMBUSTION_CONTEXTS)[number];
export type Ch4Origin = 'fossil' | 'non-fossil';

const name = z.object({ en: z.string().min(1), zh: z.string().min(1) }).strict();
const rowSchema = z
  .object({
    ref: z.string(),
    scope: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    level: z.enum(REPORTING_LEVELS),
    name,
    forms: z.array(z.enum(LINE_FORMS)).min(1),
  })
  .strict();
const subsectorSchema = z
  .object({
    id: z.string(),
    name,
    combustion: z.enum(COMBUSTION_CONTEXTS).optional(),
    ch4Origin: z.enum(['fossil', 'non-fossil']).optional(),
    rows: z.array(rowSchema).min(1),
  })
  .strict();
const gpcSchema = z.object({
  $comment: z.string(),
  sectors: z.array(z.object({ id: z.string(), name, subsectors: z.array(subsectorSchema) }).strict()),
});

export type GpcName = z.infer<typeof name>;

export interface GpcSector {
  readonly id: string;
  readonly name: GpcName;
  readonly subsectors: readonly GpcSubsector[];
}

export interface GpcSubsector {
  readonly id: string;
  readonly sector: string;
  readonly name: GpcName;
  readonly combustion: CombustionContext | undefined;
  readonly ch4Origin: Ch4Origin | undefined;
  readonly rows: readonly GpcRow[];
}

export interface GpcRow {
  readonly ref: string;
  readonly sector: string;
  readonly subsector: GpcSubsector;
  readonly scope: Scope;
  readonly level: ReportingLevel;
  readonly name: GpcName;
  readonly forms: readonly LineForm[];
}

function loadGpc(): { sectors: GpcSector[]; rows: Map<string, GpcRow> } {
  const parsed = gpcSchema.parse(gpcData);
  const rows = new Map<string, GpcRow>();
  const sectors = parsed.sectors.map((sector): GpcSector => {
    const subsectors = sector.subsectors.map((data) => {
      const subsector: GpcSubsector = {
        id: data.id,
        sector: sector.id,
        name: data.name,
        combustion: data.combustion,
        ch4Origin: data.ch4Origin,
        rows: [],
      };
      const subsectorRows = data.rows.map((row): GpcRow => ({ ...row, sector: sector.id, subsector }));
      (subsector as { rows: readonly GpcRow[] }).rows = subsectorRows;
      for (const row of subsectorRows) {
        if (rows.has(row.ref)) throw new Error(`data/gpc.json: row ${row.ref} is defined twice`);
        if (!row.ref.startsWith(`${data.id}.`) && row.ref !== data.id) throw new Error(`data/gpc.json: row ${row.ref} is not under ${data.id}`);
        rows.set(row.ref, row);
      }
      return subsector;
    });
    return { id: sector.id, name: sector.name, subsectors };
  });
  return { sectors, rows };
}

const gpc = loadGpc();

/** The GPC sectors I–VI in reporting order. */
export const GPC_SECTORS: readonly GpcSector[] = gpc.sectors;

/** Every row of the GPC reporting table, by reference number ("I.3.1"). */
export const GPC_ROWS: ReadonlyMap<string, GpcRow> = gpc.rows;

export function gpcRow(ref: string): GpcRow | undefined {
  return GPC_ROWS.get(ref) ?? GPC_ROWS.get(ref.trim());
}
