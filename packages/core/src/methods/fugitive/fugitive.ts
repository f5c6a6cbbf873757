import type { MethodCalculator } from '../method.ts';
import { coalMining } from './coal-mining.ts';
import { oilGasSystems } from './oil-gas-systems.ts';

/** Fugitive emissions (GPC I.7, I.8), IPCC 2006 Vol.2 Ch.4: CH4 counted as fossil. */
export const fugitiveMethods: readonly MethodCalculator[] = [coalMining, oilGasSystems];
