import type { MethodCalculator } from '../method.ts';
import { mobileFuel } from './mobile-fuel.ts';
import { roadVkt } from './road-vkt.ts';

/**
 * Transport activity methods (GPC II). Road transport by fuel sold is the `fuel` line form itself
 * (inventory/resolve.ts), not a calculator here: see docs/methods-transport-fugitive.md.
 */
export const transportMethods: readonly MethodCalculator[] = [roadVkt, mobileFuel];
