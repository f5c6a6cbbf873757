import { generator } from './generate.ts';

/**
 * A generated city for the pathway benchmark: a 2022 GPC inventory with 60-odd sector × carrier lines
 * (fuels by sector, electricity, heat, grid losses, waste, IPPU, AFOLU and fugitive emissions in CO2,
 * CH4 and N2O) and a pathway to 2060 with eight drivers, twelve sectors, a grid trajectory, 30 actions
 * (every effect type, every adoption kind), targets and 22 uncertain parameters. Deterministic: the
 * same documents every run.
 */

const HEAT = { energy: 'heat', unit: 'GJ', ef: { CO2: { value: 62.33, unit: 'kg/GJ' } } };
const ELECTRICITY = { energy: 'electricity', unit: '亿千瓦时' };
/** Coals the cn factor set does not list: plant-measured factors on the line. */
const ANTHRACITE = { fuel: 'anthracite', unit: '万吨', ncv: { value: 24.5, unit: 'GJ/t' }, carbonContent: { value: 27.4, unit: 'tC/TJ' }, oxidation: 0.94 };
const BITUMINOUS = { fuel: 'other_bituminous_coal', unit: '万吨', ncv: { value: 23.2, unit: 'GJ/t' }, carbonContent: { value: 26.2, unit: 'tC/TJ' }, oxidation: 0.93 };
/** Off-road fuels IPCC Table 3.3.1 does not list by this id: CH4 and N2O given on the line. */
const OFFROAD_EF = { ef: { CH4: { value: 4.15, unit: 'kg/TJ' }, N2O: { value: 28.6, unit: 'kg/TJ' } } };

/** [template, typical amount]: the generator varies each amount by ±30 %. */
const LINES: [Record<string, unknown>, number][] = [
  // I.1 residential: 6 fuels and electricity, heat, grid losses (BASIC+)
  [{ gpc: 'I.1.1', fuel: 'natural_gas', unit: '亿立方米' }, 3.2],
  [{ gpc: 'I.1.1', fuel: 'lpg', unit: '万吨' }, 4.5],
  [{ gpc: 'I.1.1', fuel: 'raw_coal', unit: '万吨' }, 6],
  [{ gpc: 'I.1.1', ...ANTHRACITE }, 2],
  [{ gpc: 'I.1.1', fuel: 'kerosene', unit: '万吨' }, 0.5],
  [{ gpc: 'I.1.2', ...ELECTRICITY }, 68],
  [{ gpc: 'I.1.2', ...HEAT }, 9_000_000],
  [{ gpc: 'I.1.3', ...ELECTRICITY }, 3.5],
  // I.2 commercial
  [{ gpc: 'I.2.1', fuel: 'natural_gas', unit: '亿立方米' }, 2.1],
  [{ gpc: 'I.2.1', fuel: 'diesel', unit: '万吨' }, 0.8],
  [{ gpc: 'I.2.1', fuel: 'lpg', unit: '万吨' }, 1.1],
  [{ gpc: 'I.2.1', fuel: 'fuel_oil', unit: '万吨' }, 0.6],
  [{ gpc: 'I.2.1', fuel: 'raw_coal', unit: '万吨' }, 3],
  [{ gpc: 'I.2.2', ...ELECTRICITY }, 95],
  [{ gpc: 'I.2.2', ...HEAT }, 5_000_000],
  [{ gpc: 'I.2.3', ...ELECTRICITY }, 5],
  // I.3 manufacturing and construction
  [{ gpc: 'I.3.1', fuel: 'raw_coal', unit: '万吨' }, 180],
  [{ gpc: 'I.3.1', ...BITUMINOUS }, 60],
  [{ gpc: 'I.3.1', ...ANTHRACITE }, 25],
  [{ gpc: 'I.3.1', fuel: 'coke', unit: '万吨' }, 45],
  [{ gpc: 'I.3.1', fuel: 'natural_gas', unit: '亿立方米' }, 6.5],
  [{ gpc: 'I.3.1', fuel: 'fuel_oil', unit: '万吨' }, 3.2],
  [{ gpc: 'I.3.1', fuel: 'diesel', unit: '万吨' }, 2.4],
  [{ gpc: 'I.3.1', fuel: 'lpg', unit: '万吨' }, 1.5],
  [{ gpc: 'I.3.1', fuel: 'gasoline', unit: '万吨' }, 0.9],
  [{ gpc: 'I.3.1', fuel: 'kerosene', unit: '万吨' }, 0.4],
  [{ gpc: 'I.3.2', ...ELECTRICITY }, 210],
  [{ gpc: 'I.3.2', ...HEAT }, 12_000_000],
  [{ gpc: 'I.3.3', ...ELECTRICITY }, 11],
  // I.4 energy industries' own use (I.4.4, supply to the grid, is territorial only and left out)
  [{ gpc: 'I.4.1', fuel: 'natural_gas', unit: '亿立方米' }, 0.4],
  [{ gpc: 'I.4.1', fuel: 'raw_coal', unit: '万吨' }, 12],
  [{ gpc: 'I.4.1', fuel: 'diesel', unit: '万吨' }, 0.3],
  [{ gpc: 'I.4.1', fuel: 'fuel_oil', unit: '万吨' }, 0.5],
  [{ gpc: 'I.4.2', ...ELECTRICITY }, 8],
  [{ gpc: 'I.4.2', ...HEAT }, 800_000],
  [{ gpc: 'I.4.3', ...ELECTRICITY }, 12],
  // I.5 agriculture, forestry and fishing
  [{ gpc: 'I.5.1', fuel: 'diesel', unit: '万吨' }, 1.6],
  [{ gpc: 'I.5.1', fuel: 'gasoline', unit: '万吨' }, 0.5],
  [{ gpc: 'I.5.1', fuel: 'raw_coal', unit: '万吨' }, 2],
  [{ gpc: 'I.5.1', fuel: 'lpg', unit: '万吨' }, 0.3],
  [{ gpc: 'I.5.2', ...ELECTRICITY }, 4.2],
  [{ gpc: 'I.5.2', ...HEAT }, 300_000],
  // I.7, I.8 fugitive
  [{ gpc: 'I.7.1', gas: 'CH4', unit: 't' }, 800],
  [{ gpc: 'I.8.1', gas: 'CH4', unit: 't' }, 2500],
  [{ gpc: 'I.8.1', gas: 'CO2', unit: 't' }, 4000],
  // II.1 road
  [{ gpc: 'II.1.1', fuel: 'gasoline', technology: 'gasoline-low-mileage-1995', unit: '万吨' }, 68],
  [{ gpc: 'II.1.1', fuel: 'diesel', unit: '万吨' }, 42],
  [{ gpc: 'II.1.1', fuel: 'natural_gas', unit: '亿立方米' }, 1.8],
  [{ gpc: 'II.1.1', fuel: 'lpg', unit: '万吨' }, 0.7],
  [{ gpc: 'II.1.2', ...ELECTRICITY }, 6.5],
  // II.2 rail
  [{ gpc: 'II.2.2', ...ELECTRICITY }, 9.6],
  // II.5 off-road
  [{ gpc: 'II.5.1', fuel: 'diesel', unit: '万吨' }, 5.5],
  [{ gpc: 'II.5.1', fuel: 'gasoline', unit: '万吨', ...OFFROAD_EF }, 0.8],
  [{ gpc: 'II.5.1', fuel: 'fuel_oil', unit: '万吨', ...OFFROAD_EF }, 1.2],
  [{ gpc: 'II.5.2', ...ELECTRICITY }, 1.1],
  // III waste: CH4, N2O and CO2, in- and out-of-boundary
  [{ gpc: 'III.1.1', gas: 'CH4', unit: 't' }, 21_000],
  [{ gpc: 'III.1.2', gas: 'CH4', unit: 't' }, 3_000],
  [{ gpc: 'III.2.1', gas: 'CH4', unit: 't' }, 900],
  [{ gpc: 'III.2.1', gas: 'N2O', unit: 't' }, 60],
  [{ gpc: 'III.3.1', gas: 'CO2', unit: 't' }, 310_000],
  [{ gpc: 'III.3.1', gas: 'N2O', unit: 't' }, 45],
  [{ gpc: 'III.4.1', gas: 'CH4', unit: 't' }, 6_500],
  [{ gpc: 'III.4.1', gas: 'N2O', unit: 't' }, 140],
  // IV IPPU, V AFOLU (BASIC+)
  [{ gpc: 'IV.1.1', gas: 'CO2', unit: 't' }, 1_020_000],
  [{ gpc: 'IV.2.1', gas: 'N2O', unit: 't' }, 120],
  [{ gpc: 'V.1.1', gas: 'CH4', unit: 't' }, 9_800],
  [{ gpc: 'V.3.1', gas: 'N2O', unit: 't' }, 310],
  [{ gpc: 'V.3.1', gas: 'CO2', unit: 't' }, 7_300],
];

export function generateCityInventory(seed = 20221231): Record<string, unknown> {
  const random = generator(seed);
  const activities = LINES.map(([template, typical]) => ({ ...template, amount: Number((typical * (0.7 + 0.6 * random())).toPrecision(4)) }));
  return {
    city: { name: 'Benchmark City', nameZh: '基准市', country: 'CN', region: 'east' },
    year: 2022,
    gwp: 'AR5',
    factorSet: 'cn',
    grid: 'CN-east-2022',
    population: 8_600_000,
    gdp: { value: 9_200, unit: '亿元' },
    activities,
  };
}

const growth = (periods: Record<string, string>): { growth: Record<string, string> } => ({ growth: periods });

/** The benchmark scenario takes every action; `bau` none. */
export const ALL_ACTIONS = 'all-actions';

export function generateCityPathway(): Record<string, unknown> {
  const actions: Record<string, unknown> = {
    'ev-cars': { adoption: { stock: 'cars', lifetime: 12, start: 2023, full: 2035, level: 0.9, shape: 's-curve' }, effects: [{ type: 'switch', sector: 'road', from: ['gasoline'], to: 'electricity', ratio: 0.3 }] },
    'ev-trucks': { adoption: { stock: 'freight', lifetime: 10, start: 2025, full: 2040, level: 0.6, shape: 's-curve' }, effects: [{ type: 'switch', sector: 'road', from: ['diesel'], to: 'electricity', share: '80%', ratio: 0.4 }] },
    'lng-trucks': { adoption: { start: 2023, full: 2030, level: '30%' }, effects: [{ type: 'switch', sector: 'road', from: 'diesel', to: 'natural_gas', ratio: 0.95 }] },
    'fuel-economy': { adoption: { start: 2023, rate: '2%', level: '30%' }, effects: [{ type: 'efficiency', sector: 'road', carrier: 'gasoline', reduction: '20%' }] },
    'mode-shift': { adoption: { start: 2024, full: 2035 }, effects: [{ type: 'activity', sector: 'road', reduction: '10%' }] },
    'ule-buildings': { adoption: { stock: 'commercialFloor', lifetime: 50, start: 2025, full: 2030, level: 0.8 }, effects: [{ type: 'efficiency', sector: 'commercial', reduction: '50%' }] },
    'public-retrofit': { adoption: { start: 2024, rate: '3%', level: '60%' }, effects: [{ type: 'efficiency', sector: 'commercial', reduction: '15.5%' }] },
    'commercial-electrification': {
      adoption: { start: 2025, full: 2045, level: 0.7, shape: 's-curve' },
      effects: [{ type: 'switch', sector: 'commercial', from: ['natural_gas', 'lpg', 'diesel', 'fuel_oil', 'raw_coal'], to: 'electricity', ratio: 0.35 }],
    },
    'home-electrification': { adoption: { start: 2025, full: 2045, level: '60%' }, effects: [{ type: 'switch', sector: 'residential', from: ['natural_gas', 'lpg', 'raw_coal'], to: 'electricity', ratio: 0.4 }] },
    'clean-heating': { adoption: { start: 2023, full: 2028 }, effects: [{ type: 'switch', sector: 'residential', from: ['raw_coal', 'anthracite'], to: 'heat', ratio: 0.8 }] },
    'home-retrofit': { adoption: { start: 2024, rate: '2.5%', level: '50%' }, effects: [{ type: 'efficiency', sector: 'residential', reduction: '25%' }] },
    'appliance-standards': { adoption: { start: 2023, full: 2035, shape: 's-curve' }, effects: [{ type: 'efficiency', sector: 'residential', carrier: 'electricity', reduction: '20%' }] },
    'coal-to-gas': { adoption: { start: 2024, full: 2030, level: '50%' }, effects: [{ type: 'switch', sector: 'industry', from: ['raw_coal', 'other_bituminous_coal'], to: 'natural_gas', ratio: 0.85 }] },
    'coal-to-electric': { adoption: { start: 2026, full: 2040, level: '30%', shape: 's-curve' }, effects: [{ type: 'switch', sector: 'industry', from: ['raw_coal', 'coke', 'anthracite'], to: 'electricity', ratio: 0.5 }] },
    'industry-efficiency': { adoption: { start: 2023, rate: '3%', level: 0.4 }, effects: [{ type: 'efficiency', sector: 'industry', reduction: '18%' }] },
    'motor-efficiency': { adoption: { start: 2023, full: 2030 }, effects: [{ type: 'efficiency', sector: 'industry', carrier: 'electricity', reduction: '10%' }] },
    'waste-heat': {
      adoption: { start: 2024, full: 2032 },
      effects: [
        { type: 'efficiency', sector: 'industry', carrier: 'coke', reduction: '12%' },
        { type: 'efficiency', sector: 'industry', carrier: 'heat', reduction: '20%' },
      ],
    },
    'ccus-industry': { adoption: { start: 2035, full: 2050, level: 0.3, shape: 's-curve' }, effects: [{ type: 'emissions', sector: 'industry', carrier: 'raw_coal', gas: 'CO2', reduction: '90%' }] },
    'plant-efficiency': { adoption: { start: 2023, full: 2030 }, effects: [{ type: 'efficiency', sector: 'energy', reduction: '8%' }] },
    'gas-leak-repair': { adoption: { start: 2023, full: 2027 }, effects: [{ type: 'emissions', sector: 'fugitive', reduction: '50%' }] },
    'agri-electric': { adoption: { start: 2024, full: 2040, level: 0.5 }, effects: [{ type: 'switch', sector: 'agriculture', from: ['diesel', 'gasoline'], to: 'electricity', ratio: 0.3 }] },
    'agri-efficiency': { adoption: { start: 2023, rate: '2%', level: '20%' }, effects: [{ type: 'efficiency', sector: 'agriculture', reduction: '20%' }] },
    'offroad-electric': { adoption: { start: 2026, full: 2045, level: '50%', shape: 's-curve' }, effects: [{ type: 'switch', sector: 'offroad', from: ['diesel'], to: 'electricity', ratio: 0.35 }] },
    // natural_gas is not among off-road's carriers in the inventory: the switch adds it (factors borrowed).
    'offroad-lng': { adoption: { start: 2024, full: 2032, level: '20%' }, effects: [{ type: 'switch', sector: 'offroad', from: ['diesel', 'fuel_oil'], to: 'natural_gas', ratio: 0.9 }] },
    'landfill-gas': {
      adoption: { start: 2023, full: 2028 },
      effects: [
        { type: 'emissions', sector: 'waste', gas: 'CH4', reduction: '60%' },
        { type: 'generation', value: 3, unit: '亿千瓦时' },
      ],
    },
    'waste-reduction': {
      adoption: { start: 2023, full: 2035, level: 0.8 },
      effects: [
        { type: 'activity', sector: 'waste', reduction: '20%' },
        { type: 'emissions', sector: 'waste', gas: 'N2O', reduction: '10%' },
      ],
    },
    'clinker-substitution': { adoption: { start: 2024, full: 2035, level: '50%' }, effects: [{ type: 'emissions', sector: 'ippu', gas: 'CO2', reduction: '33.6%' }] },
    'rooftop-pv': { adoption: { start: 2023, full: 2035 }, effects: [{ type: 'generation', value: 30, unit: '亿千瓦时' }] },
    'offshore-wind': { adoption: { start: 2028, full: 2045, shape: 's-curve' }, effects: [{ type: 'generation', value: 8_000_000, unit: 'MWh' }] },
    afforestation: {
      adoption: { start: 2023, full: 2035 },
      effects: [
        { type: 'removal', value: 40, unit: '万tCO2e' },
        { type: 'emissions', sector: 'afolu', gas: 'N2O', reduction: '20%' },
      ],
    },
  };
  const actionIds = Object.keys(actions);
  return {
    name: { zh: '基准市碳达峰碳中和路径（基准测试）', en: 'Benchmark City pathways' },
    inventory: 'inventory.yaml',
    endYear: 2060,
    drivers: {
      population: { unit: '万人', ...growth({ 2023: '0.8%', 2031: '0.3%', 2041: '0%', 2051: '-0.3%' }) },
      gdp: { unit: '亿元', ...growth({ 2023: '5.5%', 2026: '5%', 2031: '4%', 2036: '3.5%', 2041: '3%', 2051: '2%' }) },
      industryVA: { unit: '亿元', share: { of: 'gdp', points: { 2022: 0.4, 2030: 0.36, 2060: 0.28 } } },
      commercialFloor: { unit: '万m2', base: 9000, elasticity: { of: 'gdp', value: { 2023: 0.6, 2036: 0.3 } } },
      cars: { unit: '万辆', base: 260, points: { 2030: 340, 2040: 380, 2060: 390 }, interpolation: 'linear' },
      freight: { unit: '万辆', base: 30, elasticity: { of: 'gdp', value: 0.8 } },
      clinker: { unit: '万吨', base: 200, points: { 2025: 190, 2030: 170, 2060: 110 }, interpolation: 'geometric' },
      farmland: { unit: '万亩', base: 60 },
    },
    sectors: {
      residential: { gpc: ['I.1'], driver: 'population', intensity: growth({ 2023: '1.5%', 2031: '0.5%', 2041: '0%' }), shares: { electricity: { points: { 2030: 0.5, 2060: 0.65 } } } },
      commercial: { gpc: ['I.2'], driver: 'commercialFloor', intensity: growth({ 2023: '1%', 2036: '0%' }) },
      industry: {
        gpc: ['I.3'],
        driver: 'industryVA',
        intensity: growth({ 2023: '-1.5%', 2031: '-2.5%', 2041: '-2%' }),
        shares: { electricity: { points: { 2030: 0.48, 2060: 0.6 } }, natural_gas: { growth: '1%' } },
      },
      energy: { gpc: ['I.4'], driver: 'gdp', intensity: growth({ 2023: '-2%' }) },
      agriculture: { gpc: ['I.5'], driver: 'farmland', intensity: growth({ 2023: '-1%' }) },
      fugitive: { gpc: ['I.7', 'I.8'], driver: 'gdp', intensity: { points: { 2030: 0.9, 2060: 0.5 } } },
      road: { gpc: ['II.1'], driver: 'cars', intensity: growth({ 2023: '-1%' }) },
      rail: { gpc: ['II.2'], driver: 'population', intensity: { points: { 2030: 1.5, 2060: 2 }, interpolation: 'geometric' } },
      offroad: { gpc: ['II.5'], driver: 'gdp', intensity: growth({ 2023: '-3%' }) },
      waste: { gpc: ['III'], driver: 'population', intensity: growth({ 2023: '1%', 2031: '-1%' }) },
      ippu: { gpc: ['IV'], driver: 'clinker' },
      afolu: { gpc: ['V'], driver: 'farmland' },
    },
    grid: { unit: 't/MWh', points: { 2025: 0.55, 2030: 0.5, 2035: 0.42, 2040: 0.3, 2050: 0.15, 2060: 0.05 } },
    actions,
    scenarios: {
      bau: { name: 'Business as usual', actions: [] },
      [ALL_ACTIONS]: { name: 'Every action', actions: actionIds },
    },
    default: ALL_ACTIONS,
    targets: {
      'peak-2030': { type: 'peak', by: 2030 },
      'intensity-2030': { type: 'intensity', year: 2030, reduction: '33%', baseYear: 2022 },
      'cap-2035': { type: 'cap', year: 2035, value: 6000, unit: '万tCO2e' },
      'neutral-2060': { type: 'neutrality', year: 2060, basis: 'basicPlus' },
    },
    uncertainty: {
      'drivers.gdp.growth.2026': { normal: { sd: '1%' } },
      'drivers.gdp.growth.2031': { normal: { sd: '1%' } },
      'drivers.gdp.growth.2041': { normal: { sd: '1%' } },
      'drivers.population.growth.2031': { normal: { sd: '0.3%' } },
      'drivers.cars.points.2040': { triangular: { min: 330, max: 420 } },
      'drivers.commercialFloor.elasticity.value.2023': { uniform: { min: 0.4, max: 0.8 } },
      'sectors.industry.intensity.growth.2023': { triangular: { min: '-3%', max: '-0.5%' } },
      'sectors.industry.intensity.growth.2031': { triangular: { min: '-4%', max: '-1%' } },
      'sectors.commercial.intensity.growth.2023': { triangular: { min: '0%', max: '2%' } },
      'sectors.industry.shares.electricity.points.2060': { uniform: { min: 0.5, max: 0.7 } },
      'grid.points.2030': { triangular: { min: 0.45, max: 0.54 } },
      'grid.points.2060': { triangular: { min: 0.01, max: 0.2 } },
      'actions.ev-cars.adoption.level': { uniform: { min: 0.6, max: 1 } },
      'actions.ev-cars.adoption.lifetime': { triangular: { min: 10, max: 15 } },
      'actions.ev-cars.effects[0].ratio': { lognormal: { gsd: 1.2 } },
      'actions.ule-buildings.effects[0].reduction': { triangular: { min: '30%', max: '60%' } },
      'actions.public-retrofit.adoption.rate': { uniform: { min: '2%', max: '4%' } },
      'actions.coal-to-gas.adoption.level': { uniform: { min: '30%', max: '70%' } },
      'actions.ccus-industry.effects[0].reduction': { triangular: { min: '80%', max: '95%' } },
      'actions.rooftop-pv.effects[0].value': { lognormal: { gsd: 1.3 } },
      'actions.landfill-gas.effects[0].reduction': { triangular: { min: '40%', max: '75%' } },
      'actions.clinker-substitution.effects[0].reduction': { normal: { sd: '5%' } },
    },
    decomposition: [[2022, 2030], [2030, 2060]],
  };
}
