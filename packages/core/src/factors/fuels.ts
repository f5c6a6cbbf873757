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
  // The rest of a Chinese energy balance's fuels (issue 13; reference/china-accounting.md §5).
  'clean_coal',
  'other_washed_coal',
  'briquettes',
  'coke_oven_gas',
  'blast_furnace_gas',
  'converter_gas',
  'other_gas',
  'lng',
  'naphtha',
  'lubricants',
  'paraffin_wax',
  'white_spirit',
  'bitumen',
  'petroleum_coke',
  'other_petroleum_products',
  'other_energy',
] as const;
export type FuelId = (typeof FUEL_IDS)[number];
export type FuelGroup = 'coal' | 'oil' | 'gas';

export interface Fuel {
  readonly id: FuelId;
  readonly name: { readonly en: string; readonly zh: string };
  /** `mixed`: 其他能源, an aggregate of a yearbook's energy balance, no single fuel. */
  readonly state: 'solid' | 'liquid' | 'gas' | 'mixed';
  readonly stationaryGroup: FuelGroup | null;
  readonly cnAs?: FuelId | undefined;
  /** Spellings a `fuel:` line accepts besides the id and the Chinese name. */
  readonly aliases?: readonly string[] | undefined;
}

const fuelSchema = z
  .object({
    id: z.enum(FUEL_IDS),
    name: z.object({ en: z.string().min(1), zh: z.string().min(1) }).strict(),
    state: z.enum(['solid', 'liquid', 'gas', 'mixed']),
    stationaryGroup: z.enum(['coal', 'oil', 'gas']).nullable(),
    cnAs: z.enum(FUEL_IDS).optional(),
    aliases: z.array(z.string().min(1)).optional(),
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

/**
 * Every name a `fuel:` line accepts for a fuel: its id, its Chinese name (the yearbook's, 液化石油气) and its
 * aliases. The output keeps the id.
 */
function loadFuelNames(): ReadonlyMap<string, FuelId> {
  const names = new Map<string, FuelId>();
  for (const fuel of FUELS.values()) {
    for (const name of [fuel.id, fuel.name.zh, ...(fuel.aliases ?? [])]) {
      const taken = names.get(name);
      if (taken !== undefined && taken !== fuel.id) throw new Error(`data/fuels.json: the name "${name}" is given to ${taken} and ${fuel.id}`);
      names.set(name, fuel.id);
    }
  }
  return names;
}

const FUEL_NAMES = loadFuelNames();

/** The names other than ids that a `fuel:` line accepts (Chinese names, aliases), for the file's schema. */
export const FUEL_ALIASES: readonly string[] = [...FUEL_NAMES.keys()].filter((name) => !isFuelId(name));

/** The fuel a name on a `fuel:` line means: an id, a Chinese name or an alias (surrounding spaces ignored). */
export function fuelByName(name: string): FuelId | undefined {
  return FUEL_NAMES.get(name) ?? FUEL_NAMES.get(name.trim());
}

/** Every name a `fuel:` line accepts, for a did-you-mean. */
export function fuelNames(): Iterable<string> {
  return FUEL_NAMES.keys();
}

/**
 * Yearbook columns that are not fuels of a `fuel:` line: heat and electricity are lines of their own
 * (`energy: heat|electricity`), which take these Chinese names too (lines.ts).
 */
export const ENERGY_CARRIER_NAMES: Readonly<Record<string, 'heat' | 'electricity'>> = {
  热力: 'heat',
  电力: 'electricity',
};
