import type { MethodCalculator } from '../method.ts';

/** Calculators of this group; filled in by the GPC-completeness work. */
export const incinerationMethods: readonly MethodCalculator[] = [];
