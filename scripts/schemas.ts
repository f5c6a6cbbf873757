/**
 * Writes the JSON Schema of each document kind to docs/schemas/ from the zod schemas in
 * packages/core/src/documents/ (`npm run schemas`). test/schemas.test.ts fails when the files are stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentJsonSchemaText, type DocumentKind } from '@peakpath/core';

const KINDS: readonly DocumentKind[] = ['inventory', 'pathway', 'plan', 'tracking', 'cluster', 'district'];
const folder = join(import.meta.dirname, '..', 'docs', 'schemas');
for (const kind of KINDS) {
  const file = join(folder, `${kind}.schema.json`);
  writeFileSync(file, documentJsonSchemaText(kind));
  console.log(`wrote ${file}`);
}
