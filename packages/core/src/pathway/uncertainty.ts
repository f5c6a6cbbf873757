import type { Path } from '../issues/issue.ts';
import type { Distribution, UncertainParameter } from './definitions.ts';
import { entries, known } from './read-fields.ts';
import type { PathwayReader } from './read-series.ts';

const DISTRIBUTIONS = ['normal', 'lognormal', 'triangular', 'uniform'] as const;
const FIELDS: Record<(typeof DISTRIBUTIONS)[number], readonly string[]> = {
  normal: ['mean', 'sd'],
  lognormal: ['median', 'gsd'],
  triangular: ['min', 'mode', 'max'],
  uniform: ['min', 'max'],
};

/**
 * Reads `uncertainty`: a map from a parameter's path (`drivers.gdp.growth.2031`, as error messages
 * show it) to its distribution, in the unit the file gives the number in:
 * - `normal: { sd, mean? }` — mean defaults to the file's value;
 * - `lognormal: { gsd, median? }` — geometric standard deviation (≥ 1); median defaults to the file's value;
 * - `triangular: { min, max, mode? }` — mode defaults to the file's value;
 * - `uniform: { min, max }`.
 * The file's value must lie within a bounded distribution's range: it is the deterministic run. Each run
 * draws the parameters in the order of their paths.
 */
export function readUncertainty(values: PathwayReader, raw: unknown): UncertainParameter[] {
  const { reader, params } = values;
  const result: UncertainParameter[] = [];
  const clean = reader.issues.length === 0;
  for (const [target, value] of entries(reader, raw, ['uncertainty'], false)) {
    const path: Path = ['uncertainty', target];
    if (!params.paths().includes(target)) {
      // A path into a series that failed to read is unknown only because of that failure: report it once the rest is valid.
      if (clean) known(reader, 'parameter', target, params.paths(), path);
      continue;
    }
    const slot = params.slotOf(target)!;
    const info = params.infos[slot]!;
    const fields = reader.object(value, path);
    if (!fields) continue;
    const kinds = DISTRIBUTIONS.filter((kind) => fields[kind] !== undefined);
    reader.onlyFields(fields, new Set(DISTRIBUTIONS), path);
    if (kinds.length !== 1) {
      if (kinds.length > 1) reader.report(path, { code: 'conflict', fields: [kinds[0]!, kinds[1]!] });
      else reader.report([...path, 'normal'], { code: 'required' });
      continue;
    }
    const kind = kinds[0]!;
    const at = [...path, kind];
    const spec = reader.object(fields[kind], at);
    if (!spec) continue;
    reader.onlyFields(spec, new Set(FIELDS[kind]), at);
    const nominal = info.nominal / info.scale;
    const number = (key: string, fallback?: number, min?: number): number | undefined => {
      if (spec[key] === undefined) {
        if (fallback === undefined) reader.report([...at, key], { code: 'required' });
        return fallback;
      }
      return values.value(spec[key], [...at, key], { percent: true, min });
    };
    let distribution: Distribution | undefined;
    let range: [number, number] | undefined;
    switch (kind) {
      case 'normal': {
        const mean = number('mean', nominal);
        const sd = number('sd', undefined, 0);
        if (mean !== undefined && sd !== undefined) distribution = { kind, mean: mean * info.scale, sd: sd * info.scale };
        break;
      }
      case 'lognormal': {
        const median = number('median', nominal, 0);
        const gsd = number('gsd', undefined, 1);
        if (median !== undefined && median <= 0) reader.report([...at, 'median'], { code: 'not-positive' });
        else if (median !== undefined && gsd !== undefined) distribution = { kind, median: median * info.scale, sigma: Math.log(gsd) };
        break;
      }
      case 'triangular': {
        const min = number('min');
        const max = number('max');
        const mode = number('mode', nominal);
        if (min !== undefined && max !== undefined && mode !== undefined) {
          range = [min, max];
          // A mode the file does not give is its value: outside the range, that is the distribution-range problem below.
          if (spec['mode'] !== undefined && (mode < min || mode > max)) reader.report([...at, 'mode'], { code: 'out-of-range', min, max, got: mode });
          else distribution = { kind, min: min * info.scale, mode: mode * info.scale, max: max * info.scale };
        }
        break;
      }
      case 'uniform': {
        const min = number('min');
        const max = number('max');
        if (min !== undefined && max !== undefined) {
          range = [min, max];
          distribution = { kind, min: min * info.scale, max: max * info.scale };
        }
        break;
      }
      default: {
        const unhandled: never = kind;
        throw new Error(`unknown distribution ${String(unhandled)}`);
      }
    }
    if (range && (range[0] > range[1] || nominal < range[0] - 1e-12 * Math.abs(nominal) || nominal > range[1] + 1e-12 * Math.abs(nominal))) {
      reader.report(at, { code: 'distribution-range', nominal, min: range[0], max: range[1] });
      continue;
    }
    if (distribution) result.push({ slot, path: target, distribution });
  }
  // Drawn in the order of their paths, not of the file's keys: a document stored where objects keep no key
  // order (PostgreSQL jsonb) gives the same draws, and so the same Monte Carlo figures, as the file it came from.
  return result.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
