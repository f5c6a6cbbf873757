import type { FlowKind } from '../gpc/flows.ts';
import type { Bases, RemovalReason } from './types.ts';

// What the cluster does with a flow between its members; which lines are flows is a GPC rule: gpc/flows.ts.

/** Why a flow is internal and the bases it leaves, given the counterpart's row. */
export function removalOf(kind: FlowKind, counterpartRow: string): { reason: RemovalReason; bases: readonly (keyof Bases)[] } {
  switch (kind) {
    case 'electricity':
    case 'heat':
      return { reason: 'internal-grid-energy', bases: ['scope2', 'total'] };
    case 'waste':
      return counterpartRow.endsWith('.1')
        ? { reason: 'internal-waste-basic', bases: ['scope3', 'total', 'basic', 'basicPlus'] }
        : { reason: 'internal-waste-territorial', bases: ['scope3', 'total'] };
    case 'trips':
      return { reason: 'internal-trips', bases: ['scope3', 'total', 'basicPlus'] };
    default: {
      const unhandled: never = kind;
      throw new Error(`unhandled flow kind ${String(unhandled)}`);
    }
  }
}
