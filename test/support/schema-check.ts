/**
 * Documents the engine tests load must be ones their schemas accept: the zod schema (core/src/documents/)
 * and the JSON Schema file checked in under docs/schemas/ (by Ajv, as another tool would read it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { DOCUMENT_SCHEMAS, migrate, type DocumentKind } from '@peakpath/core';

// Strict: a keyword Ajv does not know fails; `type: [boolean, number]` (a union zod writes) is standard JSON Schema.
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validators = new Map<DocumentKind, ValidateFunction>();

/** Ajv's validator of docs/schemas/<kind>.schema.json, compiled once. */
export function jsonSchemaValidator(kind: DocumentKind): ValidateFunction {
  let validate = validators.get(kind);
  if (!validate) {
    const file = join(import.meta.dirname, '..', '..', 'docs', 'schemas', `${kind}.schema.json`);
    validate = ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
    validators.set(kind, validate);
  }
  return validate;
}

/** Throws when either schema refuses a document peakpath reads (a plan of an older version as migrated: the schemas are of the current one). */
export function expectSchemaAccepts(kind: DocumentKind, document: unknown): void {
  const current = kind === 'plan' ? migrate('plan', document).document : document;
  const checked = DOCUMENT_SCHEMAS[kind].safeParse(current);
  if (!checked.success) throw new Error(`the ${kind} schema refuses a file peakpath reads: ${checked.error.message}`);
  const validate = jsonSchemaValidator(kind);
  if (!validate(current)) throw new Error(`docs/schemas/${kind}.schema.json refuses a file peakpath reads: ${ajv.errorsText(validate.errors)}`);
}
