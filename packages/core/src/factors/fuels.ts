import { z } from 'zod';
import fuelsData from '../../data/fuels.json' with { type: 'json' };

/** The fuel ids of the inventory file contract (spec/inventory-file.md). */
export const FUEL_IDS = [
  'raw_coal',
  'other_bituminous_coal',
  'sub_bituminous_coal',
  'anthracite',
  'coke',
  'crude_oil',
  'gasoline',
  'kerosene',
  'jet_kerosene',
  'diesel',
  'fuel_oil',
  'lpg',
  'refinery_gas',
  'natural_gas',
] as const;
export type FuelId = (typeof FUEL_IDS)[number];
export type FuelGroup = 'coal' | 'oil' | 'gas';

export interface Fuel {
  readonly id: FuelId;
  readonly name: { readonly en: string; readonly zh: string };
  readonly state: 'solid' | 'liquid' | 'gas';
  readonly stationaryGroup: FuelGroup | null;
  readonly cnAs?: FuelId | undefined;
}

const fuelSchema = z
  .object({
    id: z.enum(FUEL_IDS),
    name: z.object({ en: z.string().min(1), zh: z.string().min(1) }).strict(),
    state: z.enum(['solid', 'liquid', 'gas']),
    stationaryGroup: z.enum(['coal', 'oil', 'gas']).nullable(),
    cnAs: z.enum(FUEL_IDS).optional(),
  })
  .strict();

function loadFuels(): ReadonlyMap<FuelId, Fuel> {
  const parsed = z.object({ $comment: z.string(), fuels: z.array(fuelSchema) }).parse(fuelsData);
  const fuels = new Map<FuelId, Fuel>(parsed.fuels.map((fuel) => [fuel.id, fuel]));
  const missing = FUEL_IDS.filter((id) => !fuels.has(id));
  if (missing.length > 0) throw new Error(`data/fuels.json: no entry for ${missing.join(', ')}`);
  return fuels;
}

export const FUELS: ReadonlyMap<FuelId, Fuel> = loadFuels();

export function isFuelId(value: string): value is FuelId {
  return FUELS.has(value as FuelId);
}
