import { z } from 'zod';
import { GWP_SETS, GASES } from '../factors/library.ts';
import { ENERGY_CARRIER_NAMES, FUEL_ALIASES, FUEL_IDS } from '../factors/fuels.ts';
import { GPC_ROWS } from '../gpc/structure.ts';
import { NOTATION_KEYS, QUALITY_LEVELS, ROAD_TECHNOLOGIES } from '../inventory/types.ts';
import { DOCUMENT_VERSIONS } from '../reading/versions.ts';
import { DEDUCTIONS, GENERATION_SOURCES } from '../official/types.ts';
import { methodLineSchema } from './method-lines.ts';
import { count, fraction, givenValue, formatVersion, schemaReference, sourcedNumber, text, unit } from './shared.ts';

/**
 * The inventory file (docs/inventory-file.md; the contract: ../shared/spec/inventory-file.md), as
 * `parseInventory` (inventory/parse.ts, lines.ts, method-lines.ts) reads it.
 */

const gpc = z.enum([...GPC_ROWS.keys()] as [string, ...string[]]).meta({ id: 'gpcRow', description: 'GPC reference number of the row (I.1.1 …)' });

/** `counterpart` (inventory/counterpart.ts, docs/clusters.md): the other city of a cross-boundary line; a single inventory only carries it. */
const counterpart = z
  .strictObject({
    city: text.meta({ description: 'the other city: in a cluster, another member’s id, city name or Chinese name' }),
    row: text.optional().meta({ description: 'the row of that city that holds the flow in its scope 1 (I.4.4, III.x.3, III.x.1, II.x.1)' }),
    share: fraction.optional().meta({ description: 'the part of the line that is the flow, 0–1 or "80%"; the whole line when absent' }),
    mwh: z.number().positive().optional().meta({ description: 'electricity lines: the MWh of the flow' }),
    gj: z.number().positive().optional().meta({ description: 'heat lines: the GJ of the flow' }),
    tonnes: z.number().positive().optional().meta({ description: 'waste lines (III.x.2): the tonnes sent' }),
    vkm: z.number().positive().optional().meta({ description: 'trips lines (II.x.3): the vehicle-km driven in the other city' }),
  })
  .meta({
    id: 'lineCounterpart',
    description: 'extension: the other city of a cross-boundary line (I.x.2, II.x.2, III.x.2, II.x.3); not used in computing the inventory, read by a cluster as a pairing (docs/clusters.md)',
  });

/** Fields every line may have, whatever its form (method-lines.ts `COMMON_LINE_FIELDS`). */
export const commonLineFields = {
  gpc,
  quality: z.enum(QUALITY_LEVELS).optional(),
  source: text.optional(),
  note: text.optional(),
  counterpart: counterpart.optional(),
};

const ef = z.strictObject(Object.fromEntries(GASES.map((gas) => [gas, givenValue.optional()])) as Record<(typeof GASES)[number], z.ZodOptional<typeof givenValue>>).meta({ id: 'emissionFactors', description: 'emission factors by gas, each { value, unit }' });

const fuelLine = z.strictObject({
  ...commonLineFields,
  fuel: z.enum([...FUEL_IDS, ...FUEL_ALIASES] as [string, ...string[]]).meta({ description: 'a fuel id, or its Chinese name (液化石油气); the output names the id' }),
  amount: z.number(),
  unit,
  ncv: givenValue.optional(),
  ef: ef.optional(),
  carbonContent: givenValue.optional(),
  oxidation: fraction.optional(),
  technology: z.enum(ROAD_TECHNOLOGIES).optional(),
  use: z.enum(['energy', 'feedstock']).optional().meta({ description: 'feedstock: fuel used as raw material (原料用能), energy counted, no combustion emissions; stationary scope-1 rows only' }),
});

const carrierName = (energy: 'electricity' | 'heat') => z.enum([energy, ...Object.keys(ENERGY_CARRIER_NAMES).filter((name) => ENERGY_CARRIER_NAMES[name] === energy)] as [string, ...string[]]);
const electricityLine = z.strictObject({ ...commonLineFields, energy: carrierName('electricity'), amount: z.number(), unit, grid: text.optional(), ef: ef.optional() });
const heatLine = z.strictObject({ ...commonLineFields, energy: carrierName('heat'), amount: z.number(), unit, ef: ef.optional() });

const emissionsLine = z.strictObject({
  ...commonLineFields,
  gas: text.meta({ description: 'CO2, CH4, N2O, or another gas (HFC-134a, SF6 …) with its `gwp`' }),
  amount: z.number(),
  unit,
  ch4Origin: z.enum(['fossil', 'non-fossil']).optional(),
  gwp: sourcedNumber.optional(),
});

const notationLine = z.strictObject({ ...commonLineFields, notation: z.enum(NOTATION_KEYS), explanation: text });

/** The forms of activity line (lines.ts `FORM_FIELDS`), and lines computed by a method (docs/methods.md). */
export const activityLineSchema = z.union([fuelLine, electricityLine, heatLine, emissionsLine, notationLine, methodLineSchema(commonLineFields)]);

const generation = z
  .array(z.strictObject({ source: z.enum(GENERATION_SOURCES), amount: z.number(), unit, chp: z.boolean().optional(), note: text.optional() }))
  .meta({ description: 'local generation by source, each { source, amount, unit }' });

const supply = z
  .strictObject({
    electricity: z
      .strictObject({
        generation: generation.optional(),
        imports: givenValue.optional(),
        exports: givenValue.optional(),
        nonFossilImports: givenValue.optional().meta({ description: 'imported electricity proven non-fossil (physical flows or green certificates)' }),
        grid: text.optional().meta({ description: "grid factor id for net imports (default: the file's grid)" }),
      })
      .optional(),
    heat: z.strictObject({ generation: generation.optional(), imports: givenValue.optional(), exports: givenValue.optional(), ef: givenValue.optional() }).optional(),
  })
  .meta({ description: 'local power and heat supply and the transfers across the boundary (docs/official-quantities.md)' });

const official = z
  .strictObject({
    heat: z.enum(['excluded', 'net-imports']).optional(),
    importedElectricity: z.enum(['coal-equivalent', 'calorific']).optional(),
    deductions: z.array(z.enum(DEDUCTIONS)).optional(),
    renewableBase: z.strictObject({ year: z.int(), amount: givenValue }).optional(),
    coalRate: givenValue.optional().meta({ description: "the year's coal rate of thermal power (发电煤耗), gce/kWh" }),
  })
  .meta({ description: "choices for China's official quantities, each with a stated default (docs/official-quantities.md)" });

export const inventorySchema = z
  .strictObject({
    $schema: schemaReference,
    version: formatVersion(DOCUMENT_VERSIONS.inventory.current, 'inventory'),
    city: z.union([text, z.strictObject({ name: text, nameZh: text.optional(), country: z.string().regex(/^[A-Za-z]{2}$/).optional(), region: text.optional() })]),
    year: z.int().min(1900).max(2100).meta({ description: 'inventory year' }),
    gwp: z.enum(GWP_SETS).optional().meta({ description: 'GWP set (default AR5)' }),
    factorSet: z.enum(['cn', 'ipcc2006']).optional().meta({ description: 'default factors: cn for country CN, else ipcc2006' }),
    grid: text.optional().meta({ description: 'grid factor of the library (peakpath factors --kind grid): an id with its year (CN-east-2022), or a series (CN-east) taking the inventory year\'s factor or the nearest published year\'s, stated' }),
    population: count.optional().meta({ description: 'persons: a number, or { value, unit } such as { value: 320, unit: "万人" }' }),
    gdp: z.strictObject({ value: z.number().positive(), unit: z.enum(['CNY', '万元', '亿元']), prices: z.int().optional().meta({ description: 'the year of the constant prices' }) }).optional(),
    activities: z.array(activityLineSchema),
    energyAccounting: z.strictObject({ method: z.enum(['calorific', 'coal-consumption']), coalRate: givenValue.optional() }).optional(),
    supply: supply.optional(),
    official: official.optional(),
    description: text.optional(),
    note: text.optional(),
    source: text.optional(),
  })
  .meta({ title: 'peakpath inventory file', description: 'A city GHG inventory by GPC row (docs/inventory-file.md).' });

export type InventoryDocument = z.infer<typeof inventorySchema>;
export type ActivityLineDocument = z.infer<typeof activityLineSchema>;
