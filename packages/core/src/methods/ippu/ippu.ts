import type { MethodCalculator } from '../method.ts';
import { ammonia, ironSteel } from './chemicals-metals.ts';
import { cement, glass, lime } from './minerals.ts';
import { productUse } from './product-use.ts';

/**
 * Industrial processes (GPC IV.1.1) and product use (IV.2.1), IPCC 2006 Vol.3. One calculator per
 * industry rather than one with a `product` switch: each industry has its own activity data and
 * options (clinker fraction, cullet ratio, lime type, ammonia process, steel route), so each line
 * is checked against exactly the fields it can have.
 */
export const ippuMethods: readonly MethodCalculator[] = [cement, lime, glass, ammonia, ironSteel, productUse];
