import highsModule from 'highs';
import { setImmediate } from 'node:timers';
import type { LpSolution, LpSolveOptions, LpSolver } from '@peakpath/core';

// The package's types are CommonJS-flavoured (`export default` in a "type": "commonjs" package), so
// under NodeNext the default import is typed as the module object; at run time it is the loader.
const loadHighs = highsModule as unknown as typeof highsModule.default;
type Highs = Awaited<ReturnType<typeof loadHighs>>;
let loading: Promise<Highs> | undefined;

/**
 * The LP/MIP solver a plan needs: HiGHS compiled to WebAssembly (the `highs` package; its wasm ships
 * in the package, nothing is fetched). Loaded once per process (30–40 ms); each solve runs on a
 * fresh native solver, with its log switched off and the caller's time limit. A solve blocks its
 * thread, so the solver first lets the event loop through: a server answers other requests between
 * the solves of a long optimisation.
 */
export async function highsSolver(): Promise<LpSolver> {
  loading ??= loadHighs();
  const highs = await loading;
  return async (model: string, options: LpSolveOptions = {}): Promise<LpSolution> => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    const result = highs.solve(model, {
      output_flag: false,
      mip_rel_gap: 1e-9,
      mip_abs_gap: 1e-12,
      primal_feasibility_tolerance: 1e-10,
      mip_feasibility_tolerance: 1e-10,
      ...(options.timeLimit === undefined ? {} : { time_limit: options.timeLimit }),
    });
    const status = result.Status === 'Optimal' ? 'optimal' : result.Status === 'Infeasible' ? 'infeasible' : result.Status === 'Unbounded' ? 'unbounded' : 'error';
    if (status !== 'optimal') return { status, message: result.Status, columns: {} };
    const columns: Record<string, number> = {};
    for (const [name, column] of Object.entries(result.Columns) as [string, { Primal: number }][]) columns[name] = column.Primal;
    return { status, message: result.Status, columns };
  };
}
