/**
 * A generated city inventory of N activity lines for benchmarks: the line mix of a real yearbook
 * inventory (fuels by sector, electricity by customer class, transport, waste and IPPU emissions,
 * a tenth of the lines with their own measured factors), amounts drawn from a seeded generator.
 */
const TEMPLATES: Record<string, unknown>[] = [
  { gpc: 'I.1.1', fuel: 'natural_gas', unit: '万立方米' },
  { gpc: 'I.1.1', fuel: 'lpg', unit: '吨' },
  { gpc: 'I.1.1', fuel: 'raw_coal', unit: '吨' },
  { gpc: 'I.1.2', energy: 'electricity', unit: '万千瓦时' },
  { gpc: 'I.2.1', fuel: 'natural_gas', unit: '万m3' },
  { gpc: 'I.2.1', fuel: 'diesel', unit: 't' },
  { gpc: 'I.2.2', energy: 'electricity', unit: '万kWh' },
  { gpc: 'I.3.1', fuel: 'raw_coal', unit: '万吨' },
  { gpc: 'I.3.1', fuel: 'coke', unit: '万吨' },
  { gpc: 'I.3.1', fuel: 'fuel_oil', unit: 't' },
  { gpc: 'I.3.1', fuel: 'natural_gas', unit: '万立方米' },
  { gpc: 'I.3.2', energy: 'electricity', unit: 'MWh' },
  { gpc: 'I.3.2', energy: 'heat', unit: 'GJ', ef: { CO2: { value: 62.33, unit: 'kg/GJ' } } },
  { gpc: 'I.4.4', fuel: 'raw_coal', unit: '万吨' },
  { gpc: 'I.5.1', fuel: 'diesel', unit: 't' },
  { gpc: 'II.1.1', fuel: 'gasoline', unit: '吨', technology: 'gasoline-low-mileage-1995' },
  { gpc: 'II.1.1', fuel: 'diesel', unit: '吨' },
  { gpc: 'II.1.1', fuel: 'natural_gas', unit: '万m3' },
  { gpc: 'II.1.2', energy: 'electricity', unit: '万kWh' },
  { gpc: 'II.5.1', fuel: 'diesel', unit: 't' },
  { gpc: 'III.1.1', gas: 'CH4', unit: 't' },
  { gpc: 'III.4.1', gas: 'N2O', unit: 't' },
  { gpc: 'IV.1.1', gas: 'CO2', unit: 't' },
];
/** Lines that carry their own measured factors (plant-level data). */
const MEASURED: Record<string, unknown>[] = [
  { gpc: 'I.3.1', fuel: 'raw_coal', unit: 't', ncv: { value: 22.35, unit: 'GJ/t' }, carbonContent: { value: 26.8, unit: 'tC/TJ' }, oxidation: 0.95 },
  { gpc: 'I.4.4', fuel: 'raw_coal', unit: 't', ncv: { value: 21.1, unit: 'GJ/t' } },
  { gpc: 'I.3.1', fuel: 'natural_gas', unit: 'm3', ncv: { value: 36.2, unit: 'MJ/m3' } },
];

/** xorshift32: a tiny seeded generator, so every run benchmarks the same inventory. */
export function generator(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 2 ** 32;
  };
}

export function generateInventory(lines: number, seed = 20221231): Record<string, unknown> {
  const random = generator(seed);
  const activities: Record<string, unknown>[] = new Array(lines);
  for (let index = 0; index < lines; index++) {
    const pool = random() < 0.1 ? MEASURED : TEMPLATES;
    const template = pool[Math.floor(random() * pool.length)]!;
    activities[index] = { ...template, amount: Math.round(random() * 1e6) / 100 };
  }
  return {
    city: { name: 'Benchmark City', nameZh: '基准市', country: 'CN' },
    year: 2022,
    gwp: 'AR5',
    grid: 'CN-east-2022',
    population: 10_000_000,
    gdp: { value: 10000, unit: '亿元' },
    activities,
  };
}
