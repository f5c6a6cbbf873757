import { it } from 'vitest';
import { loadPathway } from './run.ts';
import { runScenario } from './results.ts';
import { runInventory } from '../inventory/run.ts';
const INV = { city: { name: 'Testville', country: 'CN' }, year: 2022, grid: 'CN-east-2022', population: 1_000_000, gdp: { value: 100, unit: '亿元' },
  activities: [ { gpc: 'I.3.1', fuel: 'raw_coal', amount: 10, unit: '万吨' }, { gpc: 'I.3.2', energy: 'electricity', amount: 1, unit: '亿千瓦时' }, { gpc: 'I.3.1', fuel: 'natural_gas', amount: 1, unit: '亿立方米' } ] };
it('x', () => {
  const doc = { endYear: 2030, drivers: { population: { unit: '万人', growth: 0 }, gdp: { unit: '亿元', growth: '5%' } }, sectors: { industry: { gpc: ['I.3'], driver: 'gdp', intensity: { growth: '-2%' } } }, scenarios: { bau: { actions: [] } } };
  const r = loadPathway(doc, INV);
  if (!r.ok) { console.log(JSON.stringify(r)); return; }
  const res = runScenario(r.pathway);
  console.log(res.total, res.peak, r.pathway.assumptions.map(a=>a.text.en));
  const inv = runInventory(INV);
  if (inv.ok) console.log(inv.result.totals, inv.result.lines.map(l => [l.gpc, l.co2e, l.energyTce, l.gases]));
});
