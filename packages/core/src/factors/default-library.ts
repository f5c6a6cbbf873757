import libraryData from '../../data/library.json' with { type: 'json' };
import sources from '../../data/sources.json' with { type: 'json' };
import chinaEnergy from '../../data/factors/china-energy.json' with { type: 'json' };
import emepEea from '../../data/factors/emep-eea.json' with { type: 'json' };
import gridCn from '../../data/factors/grid-cn.json' with { type: 'json' };
import gwp from '../../data/factors/gwp.json' with { type: 'json' };
import ipcc2006Energy from '../../data/factors/ipcc2006-energy.json' with { type: 'json' };
import ipcc2006Afolu from '../../data/factors/ipcc2006-afolu.json' with { type: 'json' };
import ipcc2006Ippu from '../../data/factors/ipcc2006-ippu.json' with { type: 'json' };
import ipcc2006SolidWaste from '../../data/factors/ipcc2006-solid-waste.json' with { type: 'json' };
import ipcc2006TransportFugitive from '../../data/factors/ipcc2006-transport-fugitive.json' with { type: 'json' };
import ipcc2006Waste from '../../data/factors/ipcc2006-waste.json' with { type: 'json' };
import ipcc2006Wastewater from '../../data/factors/ipcc2006-wastewater.json' with { type: 'json' };
import { FactorLibrary } from './library.ts';

/** The library shipped with peakpath (data/factors/*.json), validated once when first imported. */
export const defaultLibrary = new FactorLibrary(libraryData.version, sources, [
  { name: 'factors/ipcc2006-energy.json', data: ipcc2006Energy },
  { name: 'factors/gwp.json', data: gwp },
  { name: 'factors/china-energy.json', data: chinaEnergy },
  { name: 'factors/grid-cn.json', data: gridCn },
  { name: 'factors/emep-eea.json', data: emepEea },
  { name: 'factors/ipcc2006-waste.json', data: ipcc2006Waste },
  { name: 'factors/ipcc2006-solid-waste.json', data: ipcc2006SolidWaste },
  { name: 'factors/ipcc2006-wastewater.json', data: ipcc2006Wastewater },
  { name: 'factors/ipcc2006-ippu.json', data: ipcc2006Ippu },
  { name: 'factors/ipcc2006-afolu.json', data: ipcc2006Afolu },
  { name: 'factors/ipcc2006-transport-fugitive.json', data: ipcc2006TransportFugitive },
]);
