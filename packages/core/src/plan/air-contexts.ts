import { z } from 'zod';
import airContextData from '../../data/air-contexts.json' with { type: 'json' };
import { FUEL_IDS, FUELS, type FuelId } from '../factors/fuels.ts';
import { GPC_ROWS } from '../gpc/structure.ts';

/** The EMEP/EEA Guidebook contexts of the library's air-pollutant records that a GPC row can take. */
export const AIR_CONTEXTS = ['power-heat', 'manufacturing', 'residential', 'commercial', 'road'] as const;
export type AirContext = (typeof AIR_CONTEXTS)[number];

/** A GPC row on which fuel is burnt in the city, and the Guidebook context (NFR sector) of its factors. */
export interface AirRowContext {
  readonly gpc: string;
  readonly context: AirContext;
  readonly nfr: string;
  /** Why the row takes this context, when it is an approximation (stated with the results). */
  readonly note?: { readonly en: string; readonly zh: string } | undefined;
}

const schema = z
  .object({
    $comment: z.string(),
    rows: z.array(z.object({ gpc: z.string(), context: z.enum(AIR_CONTEXTS), nfr: z.string().min(1), note: z.object({ en: z.string().min(1), zh: z.string().min(1) }).strict().optional() }).strict()),
    powerHeatOil: z.array(z.object({ fuel: z.enum(FUEL_IDS), technology: z.string().min(1) }).strict()),
  })
  .strict();

function load(): { rows: ReadonlyMap<string, AirRowContext>; powerHeatOil: ReadonlyMap<FuelId, string> } {
  const parsed = schema.parse(airContextData);
  const rows = new Map<string, AirRowContext>();
  for (const row of parsed.rows) {
    const gpc = GPC_ROWS.get(row.gpc);
    if (!gpc || gpc.scope !== 1 || !gpc.forms.includes('fuel')) throw new Error(`data/air-contexts.json: ${row.gpc} is not a GPC row of fuel burnt in the city (scope 1, fuel lines)`);
    if (rows.has(row.gpc)) throw new Error(`data/air-contexts.json: row ${row.gpc} is listed twice`);
    rows.set(row.gpc, row);
  }
  const powerHeatOil = new Map<FuelId, string>();
  for (const { fuel, technology } of parsed.powerHeatOil) {
    if (FUELS.get(fuel)!.stationaryGroup !== 'oil') throw new Error(`data/air-contexts.json: powerHeatOil names ${fuel}, which is not an oil product`);
    powerHeatOil.set(fuel, technology);
  }
  return { rows, powerHeatOil };
}

const contexts = load();

/** GPC row reference → its Guidebook context; rows not in the map burn no fuel in the city, or have no context. */
export const AIR_ROW_CONTEXTS: ReadonlyMap<string, AirRowContext> = contexts.rows;

/** Oil product → the Guidebook 1.A.1 fuel row (record `technology`) it takes in power and heat. */
export const POWER_HEAT_OIL: ReadonlyMap<FuelId, string> = contexts.powerHeatOil;
