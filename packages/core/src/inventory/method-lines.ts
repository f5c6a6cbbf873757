import type { GpcRow } from '../gpc/structure.ts';
import type { Path } from '../issues/issue.ts';
import type { MethodCalculator, MethodOutput } from '../methods/method.ts';
import { closest } from '../text/closest.ts';
import { unit as knownUnit } from '../units/units.ts';
import type { Reader, Fields } from './reader.ts';
import type { GwpWeights, ResolveContext } from './resolve.ts';
import type { ActivityLine, Recipe } from './types.ts';

/** Fields every line may have, whatever its form. */
export const COMMON_LINE_FIELDS = ['gpc', 'quality', 'source', 'note'];

/** A `method` line: the calculator named by `method` reads its own fields and computes the line whole. */
export function readMethodLine(
  reader: Reader,
  fields: Fields,
  path: Path,
  index: number,
  row: GpcRow | undefined,
  about: { quality: ActivityLine['quality']; source: string | undefined; note: string | undefined },
  context: ResolveContext,
  methods: ReadonlyMap<string, MethodCalculator>,
): ActivityLine | undefined {
  const id = reader.string(fields, 'method', path, true);
  if (id === undefined) return undefined;
  const calculator = methods.get(id);
  if (!calculator) return void reader.report([...path, 'method'], { code: 'unknown-method', got: id, suggestion: closest(id, methods.keys()) });
  reader.onlyFields(fields, new Set([...COMMON_LINE_FIELDS, 'method', ...calculator.fields]), path);
  if (row && !calculator.rows.includes(row.ref)) {
    return void reader.report([...path, 'gpc'], { code: 'method-not-on-row', method: id, gpc: row.ref, rows: calculator.rows });
  }
  if (!row) return undefined;
  const output = calculator.compute({
    fields,
    path,
    reader,
    library: context.library,
    row,
    year: context.year,
    factorSet: context.factorSet,
    grid: context.grid,
    lineSource: about.source,
  });
  if (!output) return undefined;
  return {
    form: 'method',
    method: id,
    index,
    row,
    amount: 1,
    unit: LINE_UNIT,
    recipe: methodRecipe(output, context.gwp),
    ...about,
  };
}

/** The unit of a method line's amount: the line itself, once. */
const LINE_UNIT = knownUnit('1');

function methodRecipe(output: MethodOutput, gwp: GwpWeights): Recipe {
  const ch4 = gwp.ch4[output.ch4Origin];
  const factors = [...output.factors];
  if (output.ch4 !== 0) factors.push(ch4.ref);
  if (output.n2o !== 0) factors.push(gwp.n2o.ref);
  return {
    co2: output.co2,
    ch4: output.ch4,
    n2o: output.n2o,
    co2e: output.co2 + output.ch4 * ch4.weight + output.n2o * gwp.n2o.weight + (output.otherCo2e ?? 0),
    otherCo2e: output.otherCo2e ?? 0,
    tce: 0,
    tceCalorific: 0,
    factors,
    assumptions: output.assumptions,
  };
}

