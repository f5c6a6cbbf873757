import type { MethodCalculator } from '../method.ts';
import { wastewaterDomestic } from './wastewater-domestic.ts';
import { wastewaterIndustrial } from './wastewater-industrial.ts';

/** Wastewater treatment and discharge (GPC III.4): domestic (CH4 and N2O) and industrial (CH4). */
export const wastewaterMethods: readonly MethodCalculator[] = [wastewaterDomestic, wastewaterIndustrial];
