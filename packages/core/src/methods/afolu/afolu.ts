import type { MethodCalculator } from '../method.ts';
import { landGainLoss, landStockDifference } from './land.ts';
import { livestock } from './livestock.ts';
import { riceCultivation } from './rice.ts';
import { fertiliserN2o, liming, urea } from './soils.ts';

/**
 * Agriculture, forestry and other land use (GPC V), IPCC 2006 Vol.4: livestock (V.1.1), land (V.2.1)
 * and the aggregate and non-CO2 sources on land (V.3.1), each source its own calculator so that a
 * line carries exactly the fields of its source.
 */
export const afoluMethods: readonly MethodCalculator[] = [livestock, landStockDifference, landGainLoss, fertiliserN2o, riceCultivation, liming, urea];
