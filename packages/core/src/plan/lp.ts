/**
 * A linear (mixed-integer) programme written in the CPLEX LP format, the text every LP solver
 * reads. The core builds models and reads solutions; the solver itself (HiGHS, in the CLI) comes in
 * as a function, so the core does no I/O and its tests can pass any solver.
 */
export interface LpSolution {
  /**
   * `optimal`: proven optimal, within the relative gap asked for (`gap` says how close); `time-limit`: the
   * solver stopped at its time limit, with the best solution it had (`columns`, `objective`) or none.
   */
  readonly status: 'optimal' | 'time-limit' | 'infeasible' | 'unbounded' | 'error';
  /** The solver's own status text ("Optimal", "Infeasible", "Time limit reached" …). */
  readonly message: string;
  /** Column values by name (with status `optimal`, and `time-limit` when a solution was found). */
  readonly columns: Readonly<Record<string, number>>;
  /** Objective of the solution, when there is one. */
  readonly objective?: number | undefined;
  /** Proven bound on the optimal objective (a lower bound: the models minimise), when known. */
  readonly bound?: number | undefined;
  /** Relative gap between `objective` and `bound` as the solver measures it (0 for a proven LP optimum). */
  readonly gap?: number | undefined;
  /** Seconds the solver ran. */
  readonly seconds?: number | undefined;
}

/**
 * What a solve may take: the solver stops after `timeLimit` seconds and answers with what it has; a
 * MIP is optimal once its solution is proven within `mipGap` (relative) of the best possible.
 */
export interface LpSolveOptions {
  readonly timeLimit?: number | undefined;
  readonly mipGap?: number | undefined;
}

/**
 * An LP/MIP solver: the model as CPLEX LP text in, the solution out — now or later (a solver in a
 * worker, or one that lets other work through between solves, answers with a promise).
 */
export type LpSolver = (model: string, options?: LpSolveOptions) => LpSolution | Promise<LpSolution>;

export interface LpRow {
  readonly name: string;
  readonly terms: readonly (readonly [column: string, coefficient: number])[];
  readonly sense: '<=' | '>=' | '=';
  readonly rhs: number;
}

export class LpModel {
  private readonly objective: [string, number][] = [];
  private readonly rows: LpRow[] = [];
  private readonly bounds = new Map<string, readonly [number, number]>();
  private readonly binaries = new Set<string>();

  column(name: string, lower: number, upper: number, options: { binary?: boolean; cost?: number } = {}): string {
    if (this.bounds.has(name)) throw new Error(`LP column ${name} defined twice`);
    this.bounds.set(name, [lower, upper]);
    if (options.binary) this.binaries.add(name);
    if (options.cost !== undefined && options.cost !== 0) this.objective.push([name, options.cost]);
    return name;
  }

  row(row: LpRow): void {
    this.rows.push(row);
  }

  get rowCount(): number {
    return this.rows.length;
  }

  /** The model as CPLEX LP text. Coefficients are written with 15 significant digits. */
  text(): string {
    const lines: string[] = ['Minimize', ` obj: ${linear(this.objective) || '0 ' + [...this.bounds.keys()][0]}`, 'Subject To'];
    for (const row of this.rows) {
      const terms = linear(row.terms);
      lines.push(` ${row.name}: ${terms || `0 ${[...this.bounds.keys()][0]}`} ${row.sense} ${number(row.rhs)}`);
    }
    lines.push('Bounds');
    for (const [name, [lower, upper]] of this.bounds) {
      // A binary is 0 or 1 unless bounds say more (a yes/no measure forced in: 1 ≤ y ≤ 1).
      if (this.binaries.has(name) && lower === 0 && upper === 1) continue;
      lines.push(` ${number(lower)} <= ${name} <= ${upper === Infinity ? '+inf' : number(upper)}`);
    }
    if (this.binaries.size > 0) lines.push('Binaries', ` ${[...this.binaries].join(' ')}`);
    lines.push('End');
    return lines.join('\n');
  }
}

function number(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`LP number ${value} is not finite`);
  return Number(value.toPrecision(15)).toString();
}

function linear(terms: readonly (readonly [string, number])[]): string {
  return terms
    .filter(([, coefficient]) => coefficient !== 0)
    .map(([column, coefficient], i) => {
      const sign = coefficient < 0 ? '-' : i === 0 ? '' : '+';
      return `${sign} ${number(Math.abs(coefficient))} ${column}`.trim();
    })
    .join(' ');
}
