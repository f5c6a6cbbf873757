import type { MethodCalculator } from '../method.ts';
import { MethodWork } from '../method.ts';
import { ENERGY_ROWS, GRID_ROW, readEnergyRecovery } from '../energy-recovery.ts';

const METHOD = 'landfill-gas';

/**
 * Landfill gas recovered and burnt for energy, in stationary energy (GPC 2014: methane recovered from
 * waste for energy is reported under Stationary Energy, not Waste): I.4.4 when the energy is supplied
 * to the grid (`energyRecovery: grid`, territorial only), else the consuming sub-sector's scope-1 row.
 *   E = CH4 burnt × NCV                   (IPCC 2006 Vol.2 Table 1.2, landfill gas, per mass of methane)
 *   CH4 = E × EF_CH4,  N2O = E × EF_N2O    (Tables 2.2–2.5, landfill gas, by the row's sub-sector)
 *   CO2 = E × 54,600 kg/TJ                 (Table 1.4): biogenic, stated for information, not counted
 * The landfill's own CH4 (generated − recovered) stays in III.1, where `recoveredForEnergy` says how much
 * of `recovered` this line burns; flared gas is not energy use and has no line here.
 */
export const landfillGas: MethodCalculator = {
  id: METHOD,
  name: { en: 'Landfill gas burnt for energy (IPCC 2006 Vol.2 Ch.2)', zh: '填埋气能源利用（IPCC 2006 第2卷第2章）' },
  rows: ENERGY_ROWS,
  fields: ['energyRecovery', 'ch4', 'ncv', 'ch4Factor', 'n2oFactor'],
  compute(input) {
    const work = new MethodWork(input, METHOD);
    const { row } = input;
    readEnergyRecovery(work, ['III.1.1']);
    const ch4Burnt = work.quantity('ch4', ['mass']);
    const ncv = perUnit(work, 'ncv', ['energy/mass'], { parameter: 'ncv' }, { en: 'net calorific value of landfill gas (per mass of CH4)', zh: '填埋气低位发热量（按 CH4 质量计）' });
    // I.6 (non-specified) has no IPCC combustion context: its factors must be given on the line.
    const context = row.subsector.combustion ?? 'non-specified';
    const ch4Factor = perUnit(work, 'ch4Factor', ['mass/energy'], { parameter: 'ef-ch4', category: context }, { en: `CH4 factor of landfill gas, ${context}`, zh: `填埋气 CH4 排放因子（${context}）` });
    const n2oFactor = perUnit(work, 'n2oFactor', ['mass/energy'], { parameter: 'ef-n2o', category: context }, { en: `N2O factor of landfill gas, ${context}`, zh: `填埋气 N2O 排放因子（${context}）` });
    const biogenicFactor = input.library.one({ kind: 'parameter', method: METHOD, parameter: 'co2-biogenic' });
    if (!ch4Burnt || ncv === undefined || ch4Factor === undefined || n2oFactor === undefined || work.failed) return work.finish({}, 'non-fossil');

    const energy = ch4Burnt.value * ncv;
    const gj = Number(energy.toPrecision(6));
    const biogenic = biogenicFactor ? Number((energy * biogenicFactor.toBase).toPrecision(6)) : undefined;
    const territorial = row.ref === GRID_ROW;
    work.state({
      code: 'landfill-gas-energy',
      text: {
        en:
          `${gj} GJ of landfill gas burnt for energy: its CH4 and N2O are counted here; ` +
          (biogenic === undefined ? 'its CO2 is biogenic and not counted' : `its CO2 of ${biogenic} t (${biogenicFactor!.id}) is biogenic and not counted (GPC: reported separately as information)`) +
          '; the energy is not in energy.tce; the landfill\'s own CH4 stays in III.1' +
          (territorial ? '; I.4.4 is territorial only, not BASIC: the electricity is already in its consumers\' scope 2' : ''),
        zh:
          `填埋气能源利用 ${gj} GJ：此处计入其燃烧产生的 CH4 与 N2O；` +
          (biogenic === undefined ? '其 CO2 为生物源，不计入' : `其 CO2 ${biogenic} 吨（${biogenicFactor!.id}）为生物源，不计入总量（GPC：作为信息项单独报告）`) +
          '；该能源不计入 energy.tce；填埋场自身的 CH4 仍计入 III.1' +
          (territorial ? '；I.4.4 仅计入辖区排放，不计入 BASIC：其上网电量已计入用户的范围二' : ''),
      },
    });
    return work.finish({ ch4: energy * ch4Factor, n2o: energy * n2oFactor }, 'non-fossil');
  },
};

/** A factor `{ value, unit }` given on the line (listed), else the library's default (listed and stated); base units. */
function perUnit(
  work: MethodWork,
  field: string,
  dimensions: Parameters<MethodWork['quantity']>[1],
  criteria: { parameter: string; category?: string },
  label: { en: string; zh: string },
): number | undefined {
  if (work.input.fields[field] !== undefined) {
    const given = work.quantity(field, dimensions);
    if (given) work.listGiven(field, given.given);
    return given?.value;
  }
  return work.libraryValue(field, criteria, label)?.toBase;
}
