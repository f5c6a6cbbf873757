import { afoluMethods } from './afolu/afolu.ts';
import { fugitiveMethods } from './fugitive/fugitive.ts';
import { ippuMethods } from './ippu/ippu.ts';
import type { MethodCalculator } from './method.ts';
import { transportMethods } from './transport/transport.ts';
import { biologicalTreatment } from './waste/biological-treatment.ts';
import { incinerationMethods } from './waste/incineration.ts';
import { landfillGas } from './waste/landfill-gas.ts';
import { solidWasteMethods } from './waste/solid-waste.ts';
import { wastewaterMethods } from './waste/wastewater.ts';

/** Every calculation method peakpath ships, in GPC order. */
export const METHOD_LIST: readonly MethodCalculator[] = [
  ...fugitiveMethods,
  ...transportMethods,
  ...solidWasteMethods,
  biologicalTreatment,
  ...incinerationMethods,
  landfillGas,
  ...wastewaterMethods,
  ...ippuMethods,
  ...afoluMethods,
];

function byId(list: readonly MethodCalculator[]): ReadonlyMap<string, MethodCalculator> {
  const map = new Map<string, MethodCalculator>();
  for (const method of list) {
    if (map.has(method.id)) throw new Error(`method "${method.id}" is defined twice`);
    map.set(method.id, method);
  }
  return map;
}

export const defaultMethods: ReadonlyMap<string, MethodCalculator> = byId(METHOD_LIST);
