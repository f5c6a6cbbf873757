import { z } from 'zod';
import { PERCENT } from '../pathway/read-series.ts';
import { FRACTION_PERCENT } from '../reading/percent.ts';

/**
 * Pieces every document kind shares. The schemas declare the shape of a document (its fields and
 * their JSON types) for types, editors and other tools; the readers (inventory/, pathway/, plan/)
 * remain the validators: they check what a shape cannot say (units and their dimensions, which GPC
 * row takes which line form, references between sections) and report every problem with its path.
 */

/** A non-blank string, as the readers accept one. */
export const text = z.string().regex(/\S/);

/** `"5%"`: a percentage where a rate or share is expected (read-series.ts `percentage`). */
export const percent = z
  .string()
  .regex(PERCENT)
  .meta({ id: 'percent', description: 'a percentage, e.g. "5%"' });

/** A fraction (0–1): a number, or a percentage such as "35%" (reading/reader.ts `number`). */
export const fraction = z
  .union([z.number().min(0).max(1), z.string().regex(FRACTION_PERCENT)])
  .meta({ id: 'fraction', description: 'a fraction from 0 to 1, or a percentage such as "35%"' });

/** A number, or a percentage string where the reader allows one. */
export const numberOrPercent = z.union([z.number(), percent]).meta({ id: 'numberOrPercent' });

/** A year: an integer, or four digits as a string (YAML map keys). */
export const year = z.union([z.int().min(1000).max(9999), z.string().regex(/^\d{4}$/)]).meta({ id: 'year', description: 'a year: 2030 or "2030"' });

/** A yearly map `{ 2025: v, 2031: w }`: each value holds from its year on. */
/**
 * A key of an id-keyed map (drivers, sectors, actions, measures …): any text but the names every
 * JavaScript object already has, which the readers refuse (`reserved-id`, pathway/read-fields.ts).
 */
const RESERVED = Object.getOwnPropertyNames(Object.prototype).sort();
export const id = z.string().regex(new RegExp(`^(?!(?:${RESERVED.join('|')})$)`)).meta({ description: 'an id: any name but __proto__, constructor and the other names every JavaScript object has' });

export const yearly = <T extends z.ZodType>(value: T) => z.record(z.string().regex(/^\d{4}$/), value);

/** A unit spelling of units.json (`peakpath units` lists them): `t`, `万kWh`, `kg/TJ`, `元/m2` … */
export const unit = text.meta({ description: 'a unit spelling (peakpath units lists them)' });

/** A number with its unit, `{ value, unit }`, optionally with its `source`. */
export const givenValue = z.strictObject({ value: z.number(), unit, source: text.optional() }).meta({ id: 'givenValue', description: 'a number with its unit, optionally its source' });

/** A count: a number in the base unit (persons, vehicles), or `{ value, unit }` such as `{ value: 320, unit: "万人" }`. */
export const count = z.union([z.number().positive(), givenValue]).meta({ id: 'count', description: 'a number, or { value, unit } such as { value: 320, unit: "万人" }' });

/** A name in both languages `{ en, zh }` (either may be left out), or one string for both. */
export const bilingualName = z.union([text, z.strictObject({ en: text.optional(), zh: text.optional() })]).meta({ id: 'name', description: '{ en, zh } or one name for both' });

/** A value with its source and no unit (a GWP, a lifetime in years). */
export const sourcedNumber = z.strictObject({ value: z.number(), source: text }).meta({ id: 'sourcedNumber' });

/** The top-level `version` of a document whose current format is `current`. */
export const formatVersion = (current: number, kind: string) =>
  z.literal(current).optional().meta({ description: `format version of the ${kind} file (${current}; absent = ${current})` });

/** `$schema`: a JSON file may name its JSON Schema, as editors expect (`"$schema": "../docs/schemas/plan.schema.json"`); not read. */
export const schemaReference = text.optional().meta({ description: 'the JSON Schema of this file, for editors (not read by peakpath)' });
