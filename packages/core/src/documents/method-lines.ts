import { z } from 'zod';
import { METHOD_LIST } from '../methods/registry.ts';
import { METHOD_FIELD_SCHEMAS } from './method-fields.ts';

/**
 * A `method` line (inventory/method-lines.ts): the common line fields, `method`, and the fields of the
 * method it names — the calculator's own list (`MethodCalculator.fields`), so the schema has exactly
 * the keys the reader accepts. Each field's shape is in method-fields.ts (a field of a method without an
 * entry there would be declared by name only; test/schemas.test.ts requires one for every shipped method).
 */
export function methodLineSchema<C extends z.ZodRawShape>(common: C) {
  const lines = METHOD_LIST.map((calculator) =>
    z
      .strictObject({
        ...common,
        method: z.literal(calculator.id),
        ...Object.fromEntries(calculator.fields.map((field) => [field, methodField(calculator.id, field).optional()])),
      })
      .meta({ title: `method line: ${calculator.id}`, description: `${calculator.name.en} (${calculator.rows.join(', ')})` }),
  );
  return z.discriminatedUnion('method', lines as unknown as [(typeof lines)[number], ...(typeof lines)[number][]]);
}

function methodField(method: string, field: string): z.ZodType {
  return METHOD_FIELD_SCHEMAS[method]?.[field] ?? z.unknown().meta({ description: `read by the method ${method} (docs/methods*.md)` });
}
