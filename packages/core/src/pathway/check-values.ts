import type { Path } from '../issues/issue.ts';
import type { Reader } from '../reading/reader.ts';
import type { Pathway, ScenarioDefinition } from './definitions.ts';
import { PathwayWorkspace } from './evaluate.ts';
import { drawRange } from './random.ts';
import type { SeriesDraft } from './read-series.ts';
import { evaluateSeries, type SeriesProgram } from './series.ts';

/** A series of the file as the value check sees it: its program and where it is written. */
export interface SeriesAt {
  readonly program: SeriesProgram;
  /** The series' form in the file (`drivers.gdp.growth`), where an overflow is reported. */
  readonly path: Path;
}

/** A driver as the value check sees it. */
export interface DriverAt extends SeriesAt {
  /** Where its base-year value is written (`drivers.cars.base`, `drivers.cars.points.2022`). */
  readonly basePath: Path;
  /** Something is divided by its base-year value (a sector's activity, an elasticity, a stock): it must be > 0. */
  readonly divides: boolean;
  /** Population and GDP divide every year's intensities (and the decomposition): > 0 in every year. */
  readonly everyYear: boolean;
}

/** Where a series' values are written: the form's field (`growth`, `points` …), `base` for a constant. */
export function seriesPath(path: Path, draft: SeriesDraft): Path {
  return [...path, draft.kind === 'constant' ? 'base' : draft.kind];
}

/** Where a series' base-year value is written. */
export function basePath(path: Path, draft: SeriesDraft, baseYear: number, givesBase: boolean): Path {
  if (draft.kind === 'share') return [...path, 'share'];
  if (draft.kind === 'points' && !givesBase) return [...path, 'points', String(baseYear)];
  return [...path, 'base'];
}

const firstNotFinite = (values: Float64Array): number => values.findIndex((value) => !Number.isFinite(value));

/**
 * The file's numbers give finite values everywhere, and nothing is divided by zero: a growth of
 * 1e308 % or a driver with a base of 0 is the file's error, named at its path, never a NaN or an
 * Infinity in the results (or in the LMDI decomposition). Checked with the file's values and with
 * each scenario's `set` (`scenario`: then its problems are reported at its `set`); false when
 * something was reported.
 */
export function checkValues(reader: Reader, pathway: Pathway, params: Float64Array, drivers: readonly DriverAt[], others: readonly SeriesAt[], scenario?: ScenarioDefinition): boolean {
  const scenarioPath = scenario && ['scenarios', scenario.id, 'set'];
  const { model } = pathway;
  const years = model.years;
  const values = model.drivers.map(() => new Float64Array(years));
  const before = reader.issues.length;
  drivers.forEach((driver, d) => {
    evaluateSeries(driver.program, params, values[d]!, values);
    const overflow = firstNotFinite(values[d]!);
    if (overflow >= 0) return void reader.report(scenarioPath ?? driver.path, { code: 'overflow', year: model.baseYear + overflow });
    if (driver.divides && !(values[d]![0]! > 0)) return void reader.report(scenarioPath ?? driver.basePath, { code: 'not-positive' });
    if (driver.everyYear && values[d]!.some((value) => !(value > 0))) reader.report(scenarioPath ?? driver.path, { code: 'not-positive' });
  });
  const scratch = new Float64Array(years);
  for (const series of others) {
    evaluateSeries(series.program, params, scratch, values);
    const overflow = firstNotFinite(scratch);
    if (overflow >= 0) reader.report(scenarioPath ?? series.path, { code: 'overflow', year: model.baseYear + overflow });
  }
  if (reader.issues.length > before) return false;

  // Each series is finite; their products may still not be: evaluate each scenario, its actions on and off.
  const workspace = new PathwayWorkspace(model);
  const scenarios = scenario ? [scenario] : pathway.scenarios.filter((each) => each.overrides.length === 0);
  for (const each of scenarios) {
    const year = overflowYear(workspace, params, each);
    if (year !== undefined) {
      reader.report(['scenarios', each.id], { code: 'overflow', year });
      return false;
    }
  }
  return true;
}

/**
 * Each uncertain parameter at either end of what its draws can be (random.ts `drawRange`, brought within the
 * parameter's bounds as the Monte Carlo brings a draw), the others at each scenario's values: the results must stay
 * finite, or the Monte Carlo's percentiles would be NaN. A distribution that reaches where the model cannot be
 * computed (a grid factor up to 1e308 t/MWh) is refused at its `uncertainty` entry; false when one was.
 */
export function checkDrawRanges(reader: Reader, pathway: Pathway, nominal: Float64Array): boolean {
  const workspace = new PathwayWorkspace(pathway.model);
  const before = reader.issues.length;
  for (const parameter of pathway.uncertainty) {
    const info = pathway.parameters[parameter.slot]!;
    const year = pathway.scenarios
      .flatMap((scenario) => {
        // A parameter the scenario sets keeps the scenario's value in every run.
        if (scenario.overrides.some((override) => override.slot === parameter.slot)) return [];
        const values = Float64Array.from(nominal);
        for (const { slot, value } of scenario.overrides) values[slot] = value;
        return drawRange(parameter.distribution).map((end) => {
          values[parameter.slot] = Math.min(info.max, Math.max(info.min, end));
          return overflowYear(workspace, values, scenario);
        });
      })
      .find((found) => found !== undefined);
    if (year !== undefined) reader.report(['uncertainty', parameter.path], { code: 'overflow', year });
  }
  return reader.issues.length === before;
}

/**
 * The first year a scenario's results (every series the results and the decomposition read) are not finite with
 * these parameters, its actions off and on; undefined when they are finite throughout.
 */
export function overflowYear(workspace: PathwayWorkspace, params: Float64Array, scenario: ScenarioDefinition): number | undefined {
  const { model } = workspace;
  for (const active of [new Uint8Array(model.actions.length), scenario.active]) {
    workspace.evaluate(params, active, true);
    const results = [workspace.basic, workspace.basicPlus, workspace.energy, workspace.removals, workspace.sectorEnergy, workspace.sectorEnergyEmissions, workspace.sectorOtherEmissions];
    const overflow = results.map(firstNotFinite).find((at) => at >= 0);
    if (overflow !== undefined) return model.baseYear + (overflow % model.years);
  }
  return undefined;
}
