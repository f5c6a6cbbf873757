import type { GpcRow } from '../gpc/structure.ts';
import type { Path } from '../issues/issue.ts';
import type { MethodCalculator, MethodOutput } from '../methods/method.ts';
import { closest } from '../text/closest.ts';
import { unit as knownUnit } from '../units/units.ts';
import type { Reader, Fields } from '../reading/reader.ts';
import { assumptions } from '../accounting/assumptions.ts';
import { factorRef, GJ_PER_TCE } from '../accounting/statements.ts';
import type { ResolveContext } from './resolve.ts';
import type { ActivityLine, Assumption, FactorRef, LineCounterpart, Recipe } from './types.ts';

/** Fields every line may have, whatever its form. */
export const COMMON_LINE_FIELDS = ['gpc', 'quality', 'source', 'note', 'counterpart'];

/** A `method` line: the calculator named by `method` reads its own fields and computes the line whole. */
export function readMethodLine(
  reader: Reader,
  fields: Fields,
  path: Path,
  index: number,
  row: GpcRow | undefined,
  about: { quality: ActivityLine['quality']; source: string | undefined; note: string | undefined; counterpart: LineCounterpart | undefined },
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
    recipe: methodRecipe(output, context),
    activity: output.activity,
    ...about,
  };
}

/** The unit of a method line's amount: the line itself, once. */
const LINE_UNIT = knownUnit('1');

function methodRecipe(output: MethodOutput, context: ResolveContext): Recipe {
  const { gwp } = context;
  const ch4 = gwp.ch4[output.ch4Origin];
  const factors = [...output.factors];
  const stated = [...output.assumptions];
  if (output.ch4 !== 0) factors.push(ch4.ref);
  if (output.n2o !== 0) factors.push(gwp.n2o.ref);
  const energy = methodEnergy(output, context, factors, stated);
  return {
    co2: output.co2,
    ch4: output.ch4,
    n2o: output.n2o,
    co2e: output.co2 + output.ch4 * ch4.weight + output.n2o * gwp.n2o.weight + (output.otherCo2e ?? 0),
    otherCo2e: output.otherCo2e ?? 0,
    tce: energy.tce,
    tceCalorific: energy.tceCalorific,
    factors,
    assumptions: stated,
  };
}

/**
 * Standard coal of a method's energy: fuel at 29.3076 GJ/tce (its net calorific energy; stated), grid
 * electricity by the GB/T 2589 calorific equivalent or, under the coal-consumption method, the coal rate.
 */
function methodEnergy(output: MethodOutput, context: ResolveContext, factors: FactorRef[], stated: Assumption[]): { tce: number; tceCalorific: number } {
  if (!output.energy) return { tce: 0, tceCalorific: 0 };
  const { fuelGJ, electricityGJ } = output.energy;
  const fuelTce = fuelGJ / GJ_PER_TCE;
  if (fuelGJ > 0) stated.push(assumptions.tceFromEnergy());
  let electricityCalorific = 0;
  let electricityTce = 0;
  if (electricityGJ > 0) {
    const calorific = context.library.get('gbt2589.tce.electricity-calorific');
    if (!calorific) throw new Error('factor library has no GB/T 2589 coefficient for electricity');
    factors.push(factorRef(calorific));
    electricityCalorific = (electricityGJ * calorific.toBase) / GJ_PER_TCE;
    const accounting = context.energyAccounting;
    electricityTce =
      accounting.method === 'coal-consumption' ? (electricityGJ * accounting.coalRate.value * accounting.coalRate.unit.toBase) / GJ_PER_TCE : electricityCalorific;
  }
  return { tce: fuelTce + electricityTce, tceCalorific: fuelTce + electricityCalorific };
}

