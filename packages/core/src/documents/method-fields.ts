import type { z } from 'zod';

/**
 * The shape of each method's own fields, by method id and field. A field without an entry is declared
 * by name only (any JSON value); its reader, the calculator under methods/, checks it.
 */
export const METHOD_FIELD_SCHEMAS: Readonly<Record<string, Readonly<Record<string, z.ZodType>>>> = {};
