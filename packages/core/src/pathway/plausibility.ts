import { formatPath, type Issue, type Path } from '../issues/issue.ts';
import { implausible, type PlausibilityBoundId } from '../plausibility/bounds.ts';
import type { Pathway } from './definitions.ts';
import { evaluateSeries, type SeriesProgram } from './series.ts';

/**
 * The pathway's yearly changes that no city has (data/plausibility.json): each driver and each
 * sector's intensity index, year on year, with the file's values and with each scenario's `set`, as
 * warnings. A growth rate is reported at its own path (`drivers.gdp.growth.2031`), once; a series of
 * points, an elasticity or a share at the series, with the first year out of bounds. A driver that
 * follows another (a share of GDP, an elasticity to it) is not warned about when that one already is:
 * its change is the other's, reported once.
 */
export function pathwayWarnings(pathway: Pathway): Issue[] {
  const { model } = pathway;
  const warnings: Issue[] = [];
  const reported = new Set<string>();
  const nominal = Float64Array.from(pathway.parameters, (parameter) => parameter.nominal);
  const runs = [nominal, ...pathway.scenarios.filter((scenario) => scenario.overrides.length > 0).map((scenario) => {
    const params = nominal.slice();
    for (const { slot, value } of scenario.overrides) params[slot] = value;
    return params;
  })];
  const drivers = model.drivers.map(() => new Float64Array(model.years));
  const series = new Float64Array(model.years);

  const warnedDrivers = new Set<number>();
  const check = (bound: PlausibilityBoundId, program: SeriesProgram, values: Float64Array, params: Float64Array, at: Path): boolean => {
    let warned = false;
    for (let y = 1; y < values.length; y++) {
      const before = values[y - 1]!;
      if (before === 0) continue;
      const change = values[y]! / before - 1;
      if (!implausible(bound, change)) continue;
      warned = true;
      const path = program.kind === 'growth' ? parameterPath(pathway, program.rate[y]!, at) : at;
      const key = program.kind === 'growth' ? formatPath(path) : formatPath(at);
      if (reported.has(key)) continue;
      reported.add(key);
      warnings.push({ path, code: 'implausible', bound, got: program.kind === 'growth' ? params[program.rate[y]!]! : change, year: model.baseYear + y });
    }
    return warned;
  };

  for (const params of runs) {
    model.drivers.forEach((driver, d) => {
      evaluateSeries(driver.program, params, drivers[d]!, drivers);
      const follows = driver.program.kind === 'share' || driver.program.kind === 'elasticity' ? driver.program.of : undefined;
      if (follows !== undefined && warnedDrivers.has(follows)) warnedDrivers.add(d);
      else if (check('driver-growth', driver.program, drivers[d]!, params, ['drivers', driver.id])) warnedDrivers.add(d);
    });
    for (const sector of model.sectors) {
      evaluateSeries(sector.intensity, params, series, drivers);
      check('intensity-growth', sector.intensity, series, params, ['sectors', sector.id, 'intensity']);
    }
  }
  return warnings;
}

/** The path of a growth rate in the file (`drivers.gdp.growth.2031`) from its parameter, under the series' path. */
function parameterPath(pathway: Pathway, slot: number, series: Path): Path {
  const text = pathway.parameters[slot]?.path;
  const prefix = formatPath(series);
  if (text === undefined || !text.startsWith(`${prefix}.`)) return series;
  return [...series, ...text.slice(prefix.length + 1).split('.')];
}
