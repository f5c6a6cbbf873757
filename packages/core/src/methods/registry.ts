import { biologicalTreatment } from './waste/biological-treatment.ts';
import type { MethodCalculator } from './method.ts';

/** Every calculation method peakpath ships, by id. */
export const METHOD_LIST: readonly MethodCalculator[] = [biologicalTreatment];

export const defaultMethods: ReadonlyMap<string, MethodCalculator> = new Map(METHOD_LIST.map((method) => [method.id, method]));
