import type { Path } from '../issues/issue.ts';
import { typeName } from '../reading/reader.ts';
import { cholesky, notSemiDefinite } from './cholesky.ts';
import type { CopulaGroup, CorrelationPair, UncertainParameter } from './definitions.ts';
import { known } from './read-fields.ts';
import type { PathwayReader } from './read-series.ts';

/**
 * At most this many parameters can be correlated in one file: a group's matrix grows with the square of
 * its size and the search for the pairs to name when it is not PSD with the fourth power (200: under a second).
 */
export const MAX_CORRELATED = 200;

const BETWEEN_FIELDS: ReadonlySet<string> = new Set(['between', 'rank']);
const SHARED_FIELDS: ReadonlySet<string> = new Set(['shared']);

export interface Correlations {
  readonly correlations: CorrelationPair[];
  readonly copula: CopulaGroup[];
}

/**
 * The Gaussian copula's correlation that gives rank correlation `rank` between two continuous
 * parameters: ρ = 2 sin(πρₛ/6) (Pearson 1907; Kruskal 1958). 0 and ±1 map to themselves exactly.
 */
export function copulaCorrelation(rank: number): number {
  return Math.abs(rank) === 1 || rank === 0 ? rank : 2 * Math.sin((Math.PI * rank) / 6);
}

/**
 * Reads `correlations`: a list whose items are either `{ between: [pathA, pathB], rank }` (a rank
 * correlation from −1 to 1) or `{ shared: [pathA, pathB, …] }` (the parameters share one draw: rank 1
 * between every two). Each path must be an uncertain parameter (a key of `uncertainty`); a pair may be
 * given once. The parameters linked by non-zero correlations form groups; each group's matrix of copula
 * correlations must be positive semi-definite (`correlation-not-psd`, naming the pairs of a smallest
 * subset that is not). `declared` are the paths `uncertainty` lists, read or not.
 */
export function readCorrelations(values: PathwayReader, raw: unknown, uncertainty: readonly UncertainParameter[], declared: ReadonlySet<string>): Correlations {
  const { reader, params } = values;
  const none: Correlations = { correlations: [], copula: [] };
  if (raw === undefined) return none;
  if (!Array.isArray(raw)) {
    reader.report(['correlations'], { code: 'type', expected: 'array', got: typeName(raw) });
    return none;
  }
  const clean = reader.issues.length === 0;
  const parameters = new Set(params.paths());
  const index = new Map(uncertainty.map((parameter, u) => [parameter.path, u]));
  const seen = new Map<string, Path>();
  const correlations: CorrelationPair[] = [];
  // The paths of a list, or undefined after reporting; a path `uncertainty` lists but could not read is left out silently.
  const members = (list: unknown, at: Path, min: number, max: number | undefined): string[] | undefined => {
    if (!Array.isArray(list)) return void reader.report(at, list === undefined ? { code: 'required' } : { code: 'type', expected: 'array', got: typeName(list) });
    if (list.length < min || (max !== undefined && list.length > max)) return void reader.report(at, { code: 'correlation-members', min, ...(max === undefined ? {} : { max }), got: list.length });
    // A list longer than the limit is refused before its paths are looked at one by one.
    if (list.length > MAX_CORRELATED) return void reader.report(['correlations'], { code: 'correlation-limit', max: MAX_CORRELATED, got: list.length });
    const paths: string[] = [];
    const first = new Map<string, Path>();
    let valid = true;
    list.forEach((item: unknown, i) => {
      const path: Path = [...at, i];
      if (typeof item !== 'string') {
        valid = false;
        return reader.report(path, { code: 'type', expected: 'string', got: typeName(item) });
      }
      if (!reader.distinct(first, item, path)) valid = false;
      else if (!declared.has(item)) {
        valid = false;
        if (parameters.has(item)) reader.report(path, { code: 'not-uncertain', got: item });
        // A path into a series that failed to read is unknown only because of that failure: report it once the rest is valid.
        else if (clean) known(reader, 'parameter', item, [...declared], path);
      } else if (!index.has(item)) valid = false;
      paths.push(item);
    });
    return valid ? paths : undefined;
  };
  const add = (a: string, b: string, rank: number, at: Path): void => {
    if (!reader.distinct(seen, [a, b].sort().join(' ~ '), at)) return;
    correlations.push({ between: [a, b], rank, copula: copulaCorrelation(rank) });
  };
  const named = new Set<string>();
  // Whether the paths keep the file within MAX_CORRELATED; reported once, before a `shared` list becomes its pairs.
  const withinLimit = (paths: readonly string[]): boolean => {
    if (named.size > MAX_CORRELATED) return false;
    for (const path of paths) named.add(path);
    if (named.size <= MAX_CORRELATED) return true;
    reader.report(['correlations'], { code: 'correlation-limit', max: MAX_CORRELATED, got: named.size });
    return false;
  };
  raw.forEach((item: unknown, i) => {
    const at: Path = ['correlations', i];
    const fields = reader.object(item, at);
    if (!fields) return;
    // The form is `shared` when it is given, `between` otherwise: the other form's fields are unknown in it.
    if (fields['shared'] !== undefined) {
      reader.onlyFields(fields, SHARED_FIELDS, at);
      const shared = members(fields['shared'], [...at, 'shared'], 2, undefined);
      if (shared && withinLimit(shared)) shared.forEach((a, j) => shared.slice(j + 1).forEach((b) => add(a, b, 1, at)));
      return;
    }
    reader.onlyFields(fields, BETWEEN_FIELDS, at);
    const between = members(fields['between'], [...at, 'between'], 2, 2);
    const rank = fields['rank'] === undefined ? void reader.report([...at, 'rank'], { code: 'required' }) : values.value(fields['rank'], [...at, 'rank'], { percent: false, min: -1, max: 1 });
    if (between && rank !== undefined && withinLimit(between)) add(between[0]!, between[1]!, rank, at);
  });
  if (reader.issues.length > 0) return { correlations, copula: [] };
  return { correlations, copula: groups(values, correlations, index, uncertainty) };
}

/** The groups of parameters linked by non-zero correlations, each with its Cholesky factor; a matrix that is not positive semi-definite is reported. */
function groups(values: PathwayReader, correlations: readonly CorrelationPair[], index: ReadonlyMap<string, number>, uncertainty: readonly UncertainParameter[]): CopulaGroup[] {
  // Union–find over the uncertain parameters' indices.
  const parent = new Map<number, number>();
  const root = (u: number): number => {
    let at = u;
    while (parent.has(at) && parent.get(at) !== at) at = parent.get(at)!;
    return at;
  };
  // A triangular of one point takes no number from the stream (random.ts `draw`), so it has no score to share:
  // it is a constant, with which every correlation is 0.
  const point = (u: number): boolean => {
    const distribution = uncertainty[u]!.distribution;
    return distribution.kind === 'triangular' && distribution.min === distribution.max;
  };
  const linked = correlations
    .filter((pair) => pair.copula !== 0)
    .map((pair) => pair.between.map((path) => index.get(path)!) as [number, number])
    .filter(([a, b]) => !point(a) && !point(b));
  for (const [a, b] of linked) {
    for (const u of [a, b]) if (!parent.has(u)) parent.set(u, u);
    parent.set(root(a), root(b));
  }
  const byRoot = new Map<number, number[]>();
  for (const u of [...parent.keys()].sort((x, y) => x - y)) byRoot.set(root(u), [...(byRoot.get(root(u)) ?? []), u]);
  const result: CopulaGroup[] = [];
  for (const members of [...byRoot.values()].sort((x, y) => x[0]! - y[0]!)) {
    const n = members.length;
    const position = new Map(members.map((u, i) => [u, i]));
    const matrix = new Float64Array(n * n);
    for (let i = 0; i < n; i++) matrix[i * n + i] = 1;
    for (const pair of correlations) {
      const i = position.get(index.get(pair.between[0])!);
      const j = position.get(index.get(pair.between[1])!);
      if (i === undefined || j === undefined) continue;
      matrix[i * n + j] = matrix[j * n + i] = pair.copula;
    }
    const factor = cholesky(matrix, n);
    if (factor) {
      result.push({ members, factor: Array.from(factor) });
      continue;
    }
    const culprits = notSemiDefinite(matrix, n)!.map((i) => members[i]!);
    const inSet = new Set(culprits);
    const pairs = correlations.filter((pair) => pair.between.every((path) => inSet.has(index.get(path)!)));
    const given = new Set(pairs.map((pair) => [...pair.between].sort().join(' ~ ')));
    const paths = culprits.map((u) => uncertainty[u]!.path);
    const unstated = paths.flatMap((a, i) => paths.slice(i + 1).map((b): [string, string] => [a, b])).filter((pair) => !given.has([...pair].sort().join(' ~ ')));
    values.reader.report(['correlations'], { code: 'correlation-not-psd', pairs: pairs.map(({ between, rank }) => ({ between, rank })), unstated });
  }
  return result;
}
