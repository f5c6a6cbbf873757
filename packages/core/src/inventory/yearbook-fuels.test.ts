/**
 * The fuels of a Chinese energy balance (能源平衡表), by their yearbook names (issue 13; reference/china-accounting.md
 * §5): every name resolves to its fuel id, computes as the id does, and a value the library does not hold is asked for.
 */
import { describe, expect, it } from 'vitest';
import { describeIssue, FUELS, inventoryOutput, parseInventory, runInventory, type Issue } from '../index.ts';

/** The yearbook's fuel columns and the id each is. */
const YEARBOOK_FUELS: readonly (readonly [string, string])[] = [
  ['原煤', 'raw_coal'],
  ['洗精煤', 'clean_coal'],
  ['其他洗煤', 'other_washed_coal'],
  ['型煤', 'briquettes'],
  ['焦炭', 'coke'],
  ['焦炉煤气', 'coke_oven_gas'],
  ['高炉煤气', 'blast_furnace_gas'],
  ['转炉煤气', 'converter_gas'],
  ['其他煤气', 'other_gas'],
  ['天然气', 'natural_gas'],
  ['液化天然气', 'lng'],
  ['原油', 'crude_oil'],
  ['汽油', 'gasoline'],
  ['煤油', 'kerosene'],
  ['柴油', 'diesel'],
  ['燃料油', 'fuel_oil'],
  ['石脑油', 'naphtha'],
  ['润滑油', 'lubricants'],
  ['石蜡', 'paraffin_wax'],
  ['溶剂油', 'white_spirit'],
  ['石油沥青', 'bitumen'],
  ['石油焦', 'petroleum_coke'],
  ['液化石油气', 'lpg'],
  ['炼厂干气', 'refinery_gas'],
  ['其他石油制品', 'other_petroleum_products'],
  ['其他能源', 'other_energy'],
];

/** A line that gives every factor itself, so that it computes for any fuel under either factor set. */
const selfContained = (fuel: string) => ({
  gpc: 'I.3.1',
  fuel,
  amount: 2,
  unit: '万吨',
  ncv: { value: 40, unit: 'GJ/t' },
  ef: { CO2: { value: 70000, unit: 'kg/TJ' }, CH4: { value: 3, unit: 'kg/TJ' }, N2O: { value: 0.6, unit: 'kg/TJ' } },
});

const inventory = (lines: readonly unknown[], factorSet: 'cn' | 'ipcc2006' = 'cn') => ({
  city: { name: 'Yearbook', country: 'CN' },
  year: 2022,
  factorSet,
  activities: lines,
});

function computed(document: unknown) {
  const run = runInventory(document);
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  return run.result;
}

function issues(document: unknown): readonly Issue[] {
  const run = runInventory(document);
  if (run.ok) throw new Error('expected input errors');
  return run.issues;
}

describe('the fuels of a yearbook energy balance', () => {
  it('has every yearbook fuel as an id whose Chinese name is the yearbook\'s', () => {
    for (const [zh, id] of YEARBOOK_FUELS) expect(FUELS.get(id as never)?.name.zh, id).toBe(zh);
  });

  it.each(YEARBOOK_FUELS)('%s is accepted on a fuel line and computes as %s does; the output keeps the id', (zh, id) => {
    const byName = computed(inventory([selfContained(zh)]));
    const byId = computed(inventory([selfContained(id)]));
    expect(byName).toEqual(byId);
    const parsed = parseInventory(inventory([selfContained(zh)]));
    const line = parsed.ok ? parsed.inventory.lines[0] : undefined;
    expect(line?.form === 'fuel' && line.fuel).toBe(id);
    // 2 万t × 40 GJ/t = 800,000 GJ; × 70 kg/GJ = 56,000 t CO2
    expect(byName.gases.CO2).toBeCloseTo(56000, 6);
    expect(inventoryOutput(byName)).toEqual(inventoryOutput(byId));
  });

  it.each([
    ['航煤', 'jet_kerosene'],
    ['LPG', 'lpg'],
    ['LNG', 'lng'],
  ])('takes the alias %s as %s', (alias, id) => {
    expect(computed(inventory([selfContained(alias)]))).toEqual(computed(inventory([selfContained(id)])));
  });

  it('takes the yearbook NCV and coefficient where the appendix gives one: 高炉煤气, 3,763 kJ/m³ and 0.1286 kgce/m³', () => {
    const derivedGasFactors = { CH4: { value: 1, unit: 'kg/TJ' }, N2O: { value: 0.1, unit: 'kg/TJ' } };
    // IPCC 2006 holds no NCV for it: the line gives the yearbook's.
    const result = computed(inventory([{ gpc: 'I.3.1', fuel: '高炉煤气', amount: 1, unit: '万立方米', ncv: { value: 3.763, unit: 'MJ/m3' }, ef: derivedGasFactors }], 'ipcc2006'));
    // 10^4 m³ × 3.763 MJ/m³ = 37.63 GJ; × 260,000 kg/TJ (IPCC 2006 Table 1.4) = 9.7838 t CO2
    expect(result.gases.CO2).toBeCloseTo(9.7838, 6);
    const cn = runInventory(inventory([{ gpc: 'I.3.1', fuel: '高炉煤气', amount: 1, unit: '万立方米', ef: { CO2: { value: 260000, unit: 'kg/TJ' }, ...derivedGasFactors } }]));
    if (!cn.ok) throw new Error(JSON.stringify(cn.issues));
    // The yearbook's 0.1286 kgce/m³ gives the standard coal: 10^4 m³ → 1.286 tce; the NCV 3.763 MJ/m³ the energy.
    expect(cn.result.energy.tce).toBeCloseTo(1.286, 9);
    expect(cn.result.gases.CO2).toBeCloseTo(9.7838, 6);
  });

  it('computes an oil product under ipcc2006 from its Table 1.4 CO2 factor and the oil group\'s CH4 and N2O', () => {
    const result = computed(inventory([{ gpc: 'I.3.1', fuel: '石脑油', amount: 1, unit: 't', ncv: { value: 44.5, unit: 'GJ/t' } }], 'ipcc2006'));
    // 44.5 GJ × 73.3 kg CO2/GJ = 3.26185 t; CH4 44.5 × 3 g = 0.1335 kg; N2O 44.5 × 0.6 g = 0.0267 kg (Table 2.3, oil)
    expect(result.gases.CO2).toBeCloseTo(3.26185, 9);
    expect(result.gases.CH4).toBeCloseTo(0.0001335, 12);
    expect(result.gases.N2O).toBeCloseTo(0.0000267, 12);
  });

  it('asks for the NCV where the yearbook publishes none (石脑油), naming the field, in both languages', () => {
    const found = issues(inventory([{ gpc: 'I.3.1', fuel: '石脑油', amount: 1, unit: 't' }], 'ipcc2006'));
    expect(found).toEqual([{ path: ['activities', 0, 'ncv'], code: 'missing-factor', need: 'ncv', fuel: 'naphtha', context: 'ipcc2006' }]);
    expect(describeIssue(found[0]!, 'en')).toContain('`ncv`');
    expect(describeIssue(found[0]!, 'zh')).toContain('请填写 `ncv`');
  });

  it('asks for the CO2 factor where IPCC Table 1.4 has no row (洗精煤 under ipcc2006) and the carbon content under cn', () => {
    expect(issues(inventory([{ gpc: 'I.3.1', fuel: '洗精煤', amount: 1, unit: 't', ncv: { value: 26.344, unit: 'GJ/t' } }], 'ipcc2006'))).toEqual([
      { path: ['activities', 0, 'ef', 'CO2'], code: 'missing-factor', need: 'co2', fuel: 'clean_coal', context: 'ipcc2006' },
    ]);
    expect(issues(inventory([{ gpc: 'I.3.1', fuel: '洗精煤', amount: 1, unit: 't' }]))).toEqual([
      { path: ['activities', 0, 'carbonContent'], code: 'missing-factor', need: 'carbon-content', fuel: 'clean_coal', context: 'cn' },
      { path: ['activities', 0, 'oxidation'], code: 'missing-factor', need: 'oxidation', fuel: 'clean_coal', context: 'cn' },
    ]);
  });

  it('takes nothing from the library for 其他能源: the line must give its factors, and is asked for each', () => {
    const found = issues(inventory([{ gpc: 'I.3.1', fuel: '其他能源', amount: 1, unit: 't' }]));
    expect(found.map((issue) => [issue.path.slice(2).join('.'), issue.code === 'missing-factor' && issue.need])).toEqual([
      ['ncv', 'ncv'],
      ['carbonContent', 'carbon-content'],
      ['oxidation', 'oxidation'],
      ['ef.CH4', 'ch4'],
      ['ef.N2O', 'n2o'],
    ]);
    expect(describeIssue(found[3]!, 'zh')).toContain('`ef.CH4`');
    // Given them, it computes, and says that it was counted as fossil energy.
    const result = computed(inventory([selfContained('其他能源')]));
    const line = result.lines[0]!;
    expect(line.assumptions.map((a) => a.code)).toContain('mixed-fuel-fossil');
    expect(result.official.energyCo2.total).toBeCloseTo(56000, 6);
  });

  it('accepts 热力 and 电力 as the energy: of a line', () => {
    const result = computed({
      ...inventory([
        { gpc: 'I.3.2', energy: '电力', amount: 1, unit: '万千瓦时', grid: 'CN-east-2022' },
        { gpc: 'I.3.2', energy: '热力', amount: 1, unit: '万百万千焦', ef: { CO2: { value: 0.11, unit: 't/GJ' } } },
      ]),
    });
    const same = computed({
      ...inventory([
        { gpc: 'I.3.2', energy: 'electricity', amount: 1, unit: '万kWh', grid: 'CN-east-2022' },
        { gpc: 'I.3.2', energy: 'heat', amount: 10000, unit: 'GJ', ef: { CO2: { value: 0.11, unit: 't/GJ' } } },
      ]),
    });
    // 10 MWh × 0.5617 t/MWh + 10^4 GJ × 0.11 t/GJ
    expect(result.gases.CO2).toBeCloseTo(10 * 0.5617 + 1100, 6);
    expect(result.gases.CO2).toBeCloseTo(same.gases.CO2, 9);
  });
});
