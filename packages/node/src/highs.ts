import highsModule from 'highs';
import { setImmediate } from 'node:timers';
import type { LpSolution, LpSolveOptions, LpSolver } from '@peakpath/core';

// The package's types are CommonJS-flavoured (`export default` in a "type": "commonjs" package), so
// under NodeNext the default import is typed as the module object; at run time it is the loader.
const loadHighs = highsModule as unknown as typeof highsModule.default;
type Highs = Awaited<ReturnType<typeof loadHighs>>;
let loading: Promise<Highs> | undefined;

/** HiGHS's relative MIP gap when the caller asks none (HiGHS's own default). */
const DEFAULT_MIP_GAP = 1e-4;

/**
 * The LP/MIP solver a plan needs: HiGHS compiled to WebAssembly (the `highs` package; its wasm ships
 * in the package, nothing is fetched). Loaded once per process (30–40 ms); each solve runs on a
 * fresh native model, with its log switched off, the caller's time limit and MIP gap, and is disposed
 * after it. A solve stopped by its time limit answers with the best solution HiGHS has, its proven
 * bound and gap. A solve blocks its thread, so the solver first lets the event loop through: a server
 * answers other requests between the solves of a long optimisation.
 */
export async function highsSolver(): Promise<LpSolver> {
  loading ??= loadHighs();
  const highs = await loading;
  const { modelStatus } = highs.constants;
  return async (model: string, options: LpSolveOptions = {}): Promise<LpSolution> => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    let lp: ReturnType<typeof highs.createModel>;
    try {
      lp = highs.createModel({ format: 'lp', data: model });
    } catch (error) {
      // HiGHS refuses a model it cannot read (coefficients beyond its range, 1e15 and more): an answer, not a crash.
      return { status: 'error', message: `the solver could not read the model: ${error instanceof Error ? error.message : String(error)}`, columns: {} };
    }
    try {
      lp.options.set({
        output_flag: false,
        mip_rel_gap: options.mipGap ?? DEFAULT_MIP_GAP,
        mip_abs_gap: 1e-12,
        primal_feasibility_tolerance: 1e-10,
        mip_feasibility_tolerance: 1e-10,
        ...(options.timeLimit === undefined ? {} : { time_limit: Math.max(0, options.timeLimit) }),
      });
      const code = lp.run().modelStatus;
      const seconds = lp.getRunTime();
      const info = (name: string): number | undefined => {
        try {
          const value = Number(lp.info.get(name));
          return Number.isFinite(value) ? value : undefined;
        } catch {
          return undefined;
        }
      };
      const message = statusText(code, modelStatus);
      const status = code === modelStatus.optimal ? 'optimal' : code === modelStatus.timeLimit ? 'time-limit' : code === modelStatus.infeasible ? 'infeasible' : code === modelStatus.unbounded ? 'unbounded' : 'error';
      // primal_solution_status 2: a feasible primal solution exists.
      const solved = (status === 'optimal' || status === 'time-limit') && info('primal_solution_status') === 2;
      if (!solved) return { status: status === 'optimal' ? 'error' : status, message, columns: {}, seconds };
      const values = lp.getSolution().colValue;
      const columns: Record<string, number> = {};
      for (let i = 0; i < values.length; i++) columns[lp.getColName(i)] = values[i]!;
      const objective = lp.getObjectiveValue();
      const mip = info('mip_node_count') !== undefined && info('mip_dual_bound') !== undefined;
      const bound = mip ? info('mip_dual_bound') : status === 'optimal' ? objective : undefined;
      const gap = mip ? info('mip_gap') : status === 'optimal' ? 0 : undefined;
      return { status, message, columns, objective, bound, gap, seconds };
    } finally {
      lp.dispose();
    }
  };
}

/** The name of a model status code, for messages ("timeLimit"). */
function statusText(code: number, names: Readonly<Record<string, number>>): string {
  return Object.entries(names).find(([, value]) => value === code)?.[0] ?? String(code);
}
