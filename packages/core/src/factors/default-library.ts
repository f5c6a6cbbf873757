import libraryData from '../../data/library.json' with { type: 'json' };
import sources from '../../data/sources.json' with { type: 'json' };
import chinaEnergy from '../../data/factors/china-energy.json' with { type: 'json' };
import emepEea from '../../data/factors/emep-eea.json' with { type: 'json' };
import gridCn from '../../data/factors/grid-cn.json' with { type: 'json' };
import gwp from '../../data/factors/gwp.json' with { type: 'json' };
import ipcc2006Energy from '../../data/factors/ipcc2006-energy.json' with { type: 'json' };
import ipcc2006Waste from '../../data/factors/ipcc2006-waste.json' with { type: 'json' };
import { FactorLibrary } from './library.ts';

/** The library shipped with peakpath (data/factors/*.json), validated once when first imported. */
export const defaultLibrary = new FactorLibrary(libraryData.version, sources, [
  { name: 'factors/ipcc2006-energy.json', data: ipcc2006Energy },
  { name: 'factors/gwp.json', data: gwp },
  { name: 'factors/china-energy.json', data: chinaEnergy },
  { name: 'factors/grid-cn.json', data: gridCn },
  { name: 'factors/emep-eea.json', data: emepEea },
  { name: 'factors/ipcc2006-waste.json', data: ipcc2006Waste },
]);
