import { z } from 'zod';
import { GASES } from '../factors/library.ts';
import { ENERGY_RECOVERY } from '../methods/energy-recovery.ts';
import { ROAD_TECHNOLOGIES } from '../methods/transport/road-technologies.ts';
import { count, fraction, givenValue, sourcedNumber, text } from './shared.ts';

/**
 * The shape of each calculation method's own fields (docs/methods-*.md), by method id and field: what
 * JSON each field holds, as the calculators under methods/ read it. Names of categories (a waste type, a
 * site, an animal, an industry …) are strings here: the calculator checks them against its list, with a
 * hint. A field without an entry is declared by name only; test/schemas.test.ts and the method tests
 * (test/support/method-line.ts) check these shapes against what the calculators accept.
 */

const quantity = givenValue;
const flag = z.boolean();
/** A number for the whole waste, or one per waste type (`{ food: 0.12 }`). */
const perType = z.union([fraction, z.record(z.string(), fraction)]);
/** A composition: wet-weight fractions by waste type, or a preset (`eastern-asia`). */
const composition = z.union([text, z.record(z.string(), fraction)]);
const factorSet = z.enum(['cn', 'ipcc2006']);
/** Emission factors by gas, each `{ value, unit, source? }`. */
const gasFactors = z.strictObject(Object.fromEntries(GASES.map((gas) => [gas, givenValue.optional()])) as Record<(typeof GASES)[number], z.ZodOptional<typeof givenValue>>);
/** A wastewater treatment mix: each system's share (wastewater-shared.ts). */
const treatment = z.array(z.strictObject({ system: text, share: fraction, mcf: fraction.optional() }));

const landfill = { site: text, mcf: fraction, docf: fraction, f: fraction, ox: fraction, oxidisingCover: flag };

/** A road vehicle class (road-vkt.ts): a fuel vehicle, or an electric one (which takes grid fields, not fuel factors). */
const vehicleCommon = { class: text, distance: quantity.optional(), count: count.optional(), annualDistance: quantity.optional(), source: text.optional(), consumption: quantity.optional() };
const vehicle = z.union([
  z.strictObject({
    ...vehicleCommon,
    fuel: z.string().regex(/^(?!electricity$)/),
    density: quantity.optional(),
    ncv: quantity.optional(),
    technology: z.enum(ROAD_TECHNOLOGIES).optional(),
    ef: gasFactors.optional(),
  }),
  z.strictObject({ ...vehicleCommon, fuel: z.literal('electricity'), grid: text.optional(), gridFactor: quantity.optional() }),
]);

export const METHOD_FIELD_SCHEMAS: Readonly<Record<string, Readonly<Record<string, z.ZodType>>>> = {
  'coal-mining': { mining: z.enum(['underground', 'surface']), production: quantity, estimate: z.enum(['low', 'average', 'high']), miningFactor: quantity, postMiningFactor: quantity },
  'oil-gas-systems': { segment: z.enum(['production', 'transmission', 'distribution']), volume: quantity, estimate: z.enum(['low', 'high']), ch4Factor: quantity, co2Factor: quantity },
  'road-vkt': { vehicles: z.array(vehicle), factorSet },
  'mobile-fuel': { fuels: z.array(z.strictObject({ fuel: text, amount: quantity, ncv: quantity.optional(), ef: gasFactors.optional() })), factorSet },
  'solid-waste-fod': {
    history: z.array(z.strictObject({ year: z.int(), waste: quantity, composition: composition.optional(), doc: fraction.optional(), site: text.optional(), mcf: fraction.optional() })),
    composition,
    doc: perType,
    decay: z.enum(['by-type', 'bulk']),
    climate: text,
    k: perType,
    recovered: quantity,
    recoveredForEnergy: quantity,
    ...landfill,
  },
  'solid-waste-commitment': { waste: quantity, composition, doc: perType, recoveredFraction: fraction, ...landfill },
  'landfill-gas': { energyRecovery: z.enum(ENERGY_RECOVERY), ch4: quantity, ncv: quantity, ch4Factor: quantity, n2oFactor: quantity },
  'biological-treatment': { treatment: text, waste: quantity, basis: text, ch4Factor: quantity, n2oFactor: quantity, recovered: quantity },
  incineration: {
    energyRecovery: z.enum(ENERGY_RECOVERY),
    practice: z.enum(['incineration', 'open-burning']),
    stream: text,
    technology: text,
    waste: quantity,
    wasteByType: z.record(z.string(), quantity),
    composition,
    dm: perType,
    carbon: perType,
    fossilCarbon: perType,
    oxidation: fraction,
    ch4Factor: quantity,
    n2oFactor: quantity,
  },
  'wastewater-domestic': {
    population: quantity,
    bod: quantity,
    collected: z.union([flag, fraction]),
    treatment,
    b0: fraction,
    sludgeRemoved: quantity,
    recovered: quantity,
    protein: quantity,
    economy: z.enum(['developing', 'developed']),
    nonConsumedProtein: z.number(),
    proteinNitrogen: fraction,
    industrialProtein: z.number(),
    effluentFactor: fraction,
    sludgeNitrogen: quantity,
    centralisedPlants: fraction,
  },
  'wastewater-industrial': {
    industries: z.array(
      z.strictObject({
        industry: text,
        production: quantity.optional(),
        wastewater: quantity.optional(),
        cod: quantity.optional(),
        organics: quantity.optional(),
        treatment,
        sludgeRemoved: quantity.optional(),
        recovered: quantity.optional(),
      }),
    ),
    b0: fraction,
  },
  'ippu-cement': { clinker: quantity, cement: quantity, clinkerFraction: fraction, clinkerImported: quantity, clinkerExported: quantity, clinkerFactor: quantity, ckdCorrection: z.number() },
  'ippu-lime': { lime: quantity, limeType: text, factor: quantity },
  'ippu-glass': { glass: quantity, culletRatio: fraction, factor: quantity },
  'ippu-ammonia': { ammonia: quantity, process: text, factor: quantity, co2Recovered: quantity },
  'ippu-iron-steel': { route: text, production: quantity, factor: quantity, ch4Factor: quantity },
  'ippu-product-use': {
    lubricants: z.strictObject({ amount: quantity, carbonContent: quantity, odu: fraction }),
    gases: z.array(z.strictObject({ gas: text, emissions: quantity, gwp: sourcedNumber.optional() })),
  },
  livestock: { animals: z.array(z.strictObject({ type: text, head: quantity, entericFactor: quantity.optional(), manureFactor: quantity.optional() })), temperature: z.number() },
  'land-stock-difference': { stockStart: z.strictObject({ year: z.int(), carbon: quantity }), stockEnd: z.strictObject({ year: z.int(), carbon: quantity }) },
  'land-gain-loss': { gains: quantity, losses: quantity },
  'fertiliser-n2o': { syntheticN: quantity, floodedRiceN: quantity, ef1: fraction, ef1FloodedRice: fraction, fracGasf: fraction, ef4: fraction, fracLeach: fraction, ef5: fraction },
  'rice-cultivation': {
    area: quantity,
    days: quantity,
    waterRegime: text,
    waterFactor: z.number(),
    preSeason: text,
    preSeasonFactor: z.number(),
    amendments: z.array(z.strictObject({ type: text, rate: quantity, conversionFactor: z.number().optional() })),
    baselineFactor: quantity,
    seasonalFactor: quantity,
  },
  liming: { limestone: quantity, dolomite: quantity, limestoneFactor: quantity, dolomiteFactor: quantity },
  urea: { urea: quantity, factor: quantity },
};
