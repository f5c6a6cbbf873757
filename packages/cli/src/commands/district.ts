import { createEngine, warningsJson, type DistrictFileRun, type Lang } from '@peakpath/core';
import { fileResolver, readDocument } from '@peakpath/node';
import { renderDistrict } from '../district/render.ts';
import { jsonText } from '../format/json.ts';
import type { CommandOutput } from '../output.ts';
import { issueReport } from './inventory.ts';
import { warningBlock } from './warnings.ts';

export interface DistrictOptions {
  readonly json: boolean;
  readonly pretty?: boolean;
  readonly lang: Lang;
}

/**
 * `peakpath district FILE`: the city's, the parts' and a stated remainder's inventories (files relative to the
 * district file) computed, the parts reconciled with the city, and the assessments the file asks for
 * (docs/districts.md): the reconciliation per basis, differences with their rows, mismatches, verdicts.
 */
export async function districtCommand(file: string, options: DistrictOptions): Promise<CommandOutput> {
  const document = await readDocument(file, { notice: (text) => process.stderr.write(`${text}\n`) });
  // No solver: nothing here optimises, so HiGHS is not loaded.
  const engine = createEngine({ resolve: fileResolver });
  const run = await engine.district(document, { id: file });
  if (!run.ok) return { status: 2, stderr: issueReport(run.issues, options.lang) };
  if (options.json) return { status: 0, stdout: jsonText({ ...districtJson(run.value), warnings: warningsJson(run.warnings) }, options.pretty) };
  return { status: 0, stdout: `${renderDistrict(run.value, options.lang)}${warningBlock(run.warnings, options.lang)}` };
}

/** The JSON of a district run: the documents read (not their whole results), the reconciliation and the assessments. */
export function districtJson(run: DistrictFileRun): object {
  const { district, city, parts, remainder, reconciliation, assessments } = run;
  return {
    name: district.name,
    city: { inventory: city.document },
    parts: parts.map((part) => ({ id: part.id, ...(part.kind === undefined ? {} : { kind: part.kind }), inventory: part.document })),
    remainder: remainder !== undefined ? { inventory: remainder.document } : district.remainder ?? null,
    reconciliation,
    assessments,
  };
}
