import type { Fields } from '../../reading/reader.ts';
import type { Path } from '../../issues/issue.ts';
import type { MethodCalculator } from '../method.ts';
import { MethodWork } from '../method.ts';
import { CO2_PER_CARBON } from '../../factors/molar-ratios.ts';

const LUBRICANT_FIELDS: ReadonlySet<string> = new Set(['amount', 'carbonContent', 'odu']);
const GAS_FIELDS: ReadonlySet<string> = new Set(['gas', 'emissions', 'gwp']);
const GWP_FIELDS: ReadonlySet<string> = new Set(['value', 'source']);
/** Gases the result has columns for: their GWP comes from the file's GWP set, never from the line. */
const RESULT_GASES = ['CO2', 'CH4', 'N2O'] as const;
type ResultGas = (typeof RESULT_GASES)[number];

interface Gases {
  co2: number;
  ch4: number;
  n2o: number;
  otherCo2e: number;
}

/**
 * Product use (GPC IV.2.1): two parts, either or both on one line.
 *
 * `lubricants` — non-energy use of lubricants and waxes, IPCC 2006 Vol.3 Ch.5, Tier 1 (Eq 5.2):
 *   CO2 = LC × CC × ODU × 44/12
 * LC the amount used (energy, or mass), CC its carbon content (per energy, or per mass, to match),
 * ODU the fraction oxidised during use. The library holds no sourced CC or ODU, so both are required.
 *
 * `gases` — emissions measured or estimated elsewhere, by gas, in tonnes of the gas. CO2, CH4 and
 * N2O go to their columns (weighted by the file's GWP set). Any other gas (an HFC, PFC, SF6, NF3)
 * needs its GWP on the line with its source: the library has none. Such a gas's CO2-equivalent goes to
 * the result's `otherGases` (its own column, never mixed into the CO2 mass), and the line says so.
 */
export const productUse: MethodCalculator = {
  id: 'ippu-product-use',
  name: { en: 'Product use: lubricants, waxes and gases by mass (IPCC 2006 Vol.3 Ch.5, Ch.7)', zh: '产品使用：润滑剂、石蜡及按质量填报的气体（IPCC 2006 第3卷第5、7章）' },
  rows: ['IV.2.1'],
  fields: ['lubricants', 'gases'],
  compute(input) {
    const work = new MethodWork(input, 'ippu-product-use');
    const { fields, path, reader } = input;
    if (fields['lubricants'] === undefined && fields['gases'] === undefined) {
      reader.report([...path, 'gases'], { code: 'required' });
      return undefined;
    }
    const total: Gases = { co2: 0, ch4: 0, n2o: 0, otherCo2e: 0 };
    if (fields['lubricants'] !== undefined) total.co2 += lubricantsCo2(work) ?? 0;
    if (fields['gases'] !== undefined) addGases(work, total);
    return work.finish(total, 'fossil');
  },
};

function lubricantsCo2(work: MethodWork): number | undefined {
  const { fields, path, reader } = work.input;
  const at = [...path, 'lubricants'];
  const holder = reader.object(fields['lubricants'], at);
  if (!holder) return undefined;
  reader.onlyFields(holder, LUBRICANT_FIELDS, at);
  const amount = work.quantity('amount', ['energy', 'mass'], { fields: holder, path: at });
  const odu = reader.number(holder, 'odu', at, { required: true, min: 0, max: 1 });
  if (odu !== undefined) work.factors.push({ id: 'line:lubricants.odu', value: odu, unit: 'fraction', source: work.input.lineSource ?? 'given on the line' });
  // The carbon content must be per the amount's measure: per energy for an amount in GJ, per mass in t.
  const perMeasure = amount?.given.unit.dimension === 'mass' ? 'carbon/mass' : 'carbon/energy';
  const carbon = work.quantity('carbonContent', amount ? [perMeasure] : ['carbon/energy', 'carbon/mass'], { fields: holder, path: at });
  if (carbon) work.listGiven('lubricants.carbonContent', carbon.given);
  if (amount === undefined || odu === undefined || carbon === undefined) return undefined;
  return amount.value * carbon.value * odu * CO2_PER_CARBON;
}

function addGases(work: MethodWork, total: Gases): void {
  const { fields, path, reader } = work.input;
  const at = [...path, 'gases'];
  const list = fields['gases'];
  if (!Array.isArray(list)) {
    reader.report(at, { code: 'type', expected: 'array', got: list === null ? 'null' : typeof list });
    return;
  }
  if (list.length === 0) {
    reader.report(at, { code: 'required' });
    return;
  }
  list.forEach((entry: unknown, index) => {
    const entryPath = [...at, index];
    const holder = reader.object(entry, entryPath);
    if (holder) addGas(work, holder, entryPath, total);
  });
}

function addGas(work: MethodWork, holder: Fields, at: Path, total: Gases): void {
  const { reader } = work.input;
  reader.onlyFields(holder, GAS_FIELDS, at);
  const gas = reader.string(holder, 'gas', at, true);
  const mass = work.quantity('emissions', ['mass'], { fields: holder, path: at });
  if (gas === undefined) return;
  const resultGas = RESULT_GASES.find((name) => name === gas.toUpperCase());
  if (resultGas) {
    if (holder['gwp'] !== undefined) reader.report([...at, 'gwp'], { code: 'conflict', fields: ['gas', 'gwp'] });
    if (mass) addResultGas(total, resultGas, mass.value);
    return;
  }
  const gwp = readGwp(work, holder, at);
  if (mass === undefined || gwp === undefined) return;
  const co2e = mass.value * gwp.value;
  total.otherCo2e += co2e;
  work.factors.push({ id: `line:${gas}.gwp`, value: gwp.value, unit: '1', source: gwp.source });
  work.state({
    code: 'other-gas-gwp-from-line',
    text: {
      en: `${gas}: ${mass.value} t × GWP ${gwp.value} (given on the line, ${gwp.source}) = ${co2e} tCO2e, reported under other gases; the file's GWP set does not change it`,
      zh: `${gas}：${mass.value} 吨 × GWP ${gwp.value}（该行填写，来源：${gwp.source}）= ${co2e} 吨 CO2 当量，计入其他气体；不随文件的 GWP 版本变化`,
    },
  });
}

function addResultGas(total: Gases, gas: ResultGas, tonnes: number): void {
  switch (gas) {
    case 'CO2':
      total.co2 += tonnes;
      return;
    case 'CH4':
      total.ch4 += tonnes;
      return;
    case 'N2O':
      total.n2o += tonnes;
      return;
    default: {
      const never: never = gas;
      throw new Error(`unhandled gas ${String(never)}`);
    }
  }
}

/** A GWP given on the line: `{ value, source }`, both required — a GWP without its source is not traceable. */
function readGwp(work: MethodWork, holder: Fields, at: Path): { value: number; source: string } | undefined {
  const { reader } = work.input;
  const gwpPath = [...at, 'gwp'];
  if (holder['gwp'] === undefined) {
    reader.report(gwpPath, { code: 'required' });
    return undefined;
  }
  const gwp = reader.object(holder['gwp'], gwpPath);
  if (!gwp) return undefined;
  reader.onlyFields(gwp, GWP_FIELDS, gwpPath);
  const value = reader.number(gwp, 'value', gwpPath, { required: true, positive: true });
  const source = reader.string(gwp, 'source', gwpPath, true);
  return value === undefined || source === undefined ? undefined : { value, source };
}
