import { CH4_PER_CARBON } from '../../factors/molar-ratios.ts';
import type { MethodCalculator } from '../method.ts';
import { MethodWork } from '../method.ts';
import { CompositionReader, readByType, reportShape, SOLID_WASTE, WASTE_TYPES, type Composition, type WasteType } from './solid-waste-composition.ts';
import { decomposedInLastYear, readHistory, type Deposit } from './solid-waste-history.ts';
import { SolidWasteParameters, type Site } from './solid-waste-parameters.ts';

/** Climate zones of Table 3.3: boreal/temperate (MAT ≤ 20 °C) or tropical (> 20 °C), dry or wet. */
export const CLIMATES = ['boreal-temperate-dry', 'boreal-temperate-wet', 'tropical-dry', 'tropical-moist-wet'] as const;
type Climate = (typeof CLIMATES)[number];
/** Bulk MSW: one DOC and the bulk k; by type: each component with its own DOC and k (multi-phase). */
const DECAYS = ['bulk', 'by-type'] as const;

export const SOLID_WASTE_REMAINDER = {
  en: 'so DOC and CH4 are lower bounds',
  zh: '因此 DOC 与 CH4 为下限值',
};

/**
 * Solid waste disposal (GPC III.1) by the IPCC 2006 first-order decay method, Vol.5 Ch.3:
 *   DDOCm_d = W × DOC × DOCf × MCF                                   (Eq 3.2; DOC = Σ_i DOC_i × W_i, Vol.5 Eq 2.4)
 *   DDOCma_T = DDOCm_d,T + DDOCma_{T−1} × e^{−k}                      (Eq 3.4)
 *   DDOCm decomposed_T = DDOCma_{T−1} × (1 − e^{−k})                  (Eq 3.5)
 *   CH4 generated_T = DDOCm decomposed_T × F × 16/12                  (Eq 3.6)
 *   CH4 emitted_T = (Σ_x CH4 generated_x,T − R_T) × (1 − OX_T)        (Eq 3.1)
 * over a disposal history of consecutive years; decay starts the year after deposit, so waste deposited
 * in the inventory year emits nothing in it. DOC by type from Table 2.4, MCF Table 3.1, OX Table 3.2,
 * k Table 3.3, DOCf and F 0.5 (Section 3.2.3). Waste is bulk MSW (one k) or split by type (x) with a
 * composition, each type decaying at its own k.
 */
export const solidWasteFod: MethodCalculator = {
  id: 'solid-waste-fod',
  name: { en: 'Solid waste disposal, first-order decay (IPCC 2006 Vol.5 Ch.3)', zh: '固体废弃物处置：一阶衰减法（IPCC 2006 第5卷第3章）' },
  rows: ['III.1.1', 'III.1.2', 'III.1.3'],
  fields: ['history', 'composition', 'doc', 'decay', 'site', 'mcf', 'climate', 'k', 'docf', 'f', 'ox', 'oxidisingCover', 'recovered', 'recoveredForEnergy'],
  compute(input) {
    // The file's own year is invalid and already reported: there is no inventory year to decay to.
    if (input.year === undefined) return undefined;
    const inventoryYear = input.year;
    const work = new MethodWork(input, SOLID_WASTE);
    const { reader, fields, path } = input;
    const parameters = new SolidWasteParameters(work);
    const compositions = new CompositionReader(work, SOLID_WASTE_REMAINDER);
    if (parameters.bulkDoc !== undefined && fields['composition'] !== undefined) {
      reader.report([...path, 'doc'], { code: 'conflict', fields: ['doc', 'composition'] });
    }
    const lineComposition = fields['composition'] === undefined ? undefined : compositions.read(fields['composition'], [...path, 'composition']);
    const lineSite = parameters.siteMcf(fields, path, '');
    const decayGiven = reader.choice(fields, 'decay', path, DECAYS, false);
    const climateName = reader.string(fields, 'climate', path, false);
    const climate = climateName === undefined ? undefined : work.category(climateName, CLIMATES, [...path, 'climate']);
    const deposits = readHistory(work, parameters, compositions, inventoryYear);
    const docf = parameters.docf();
    const f = parameters.methaneFraction();
    const ox = parameters.oxidation(siteInYear(lineSite?.site, deposits));
    const recovered = readRecovered(work);
    if (!deposits || lineSite === undefined || docf === undefined || f === undefined || ox === undefined || recovered === undefined || work.failed) {
      return work.finish({}, 'non-fossil');
    }

    // Each year's MCF: the entry's own `site`/`mcf`, else the line's.
    const mcfs = deposits.map((deposit) => (deposit.siteMcf ?? lineSite)?.mcf);
    requireIn(work, deposits.filter((_, i) => mcfs[i] === undefined), deposits.length, 'site');

    const composed = (deposit: Deposit): Composition | undefined => deposit.composition ?? (deposit.doc === undefined ? lineComposition : undefined);
    const bulkDocGiven = parameters.bulkDoc !== undefined || deposits.some((deposit) => deposit.doc !== undefined);
    const anyComposition = deposits.some((deposit) => composed(deposit) !== undefined);
    // A bulk DOC or a single `k` means bulk decay; otherwise a composition for every year means decay by type.
    const bulkHinted = bulkDocGiven || typeof fields['k'] === 'number';
    const decay = decayGiven ?? (!bulkHinted && anyComposition && deposits.every((deposit) => composed(deposit) !== undefined) ? 'by-type' : 'bulk');
    if (decayGiven === undefined && anyComposition) work.state(decayStatement(decay));
    if (decay === 'by-type' && bulkDocGiven) {
      const withDoc = deposits.find((deposit) => deposit.doc !== undefined);
      reader.report(parameters.bulkDoc !== undefined || !withDoc ? [...path, 'doc'] : [...path, 'history', withDoc.index, 'doc'], { code: 'conflict', fields: ['decay', 'doc'] });
    }
    let needClimateReported = false;
    const needClimate = (): Climate | undefined => {
      if (fields['climate'] === undefined && !needClimateReported) {
        needClimateReported = true;
        reader.report([...path, 'climate'], { code: 'required' });
      }
      return climate;
    };
    const defaultK = (category: WasteType | 'bulk-msw'): number | undefined => {
      const zone = needClimate();
      if (zone === undefined) return undefined;
      const what = category === 'bulk-msw' ? 'bulk MSW' : category;
      const label = { en: `k of ${what} (per year), ${zone} climate`, zh: `${what} 的衰减速率 k（每年），${zone} 气候区` };
      return work.libraryValue('k', { parameter: 'k', category, variant: zone }, label)?.toBase;
    };

    // DDOCm deposited each year (t C), one series per decaying stream, each with its k. Any problem found
    // above leaves NaN or undefined here and ends the line below, after every problem has been reported.
    const streams: { k: number | undefined; deposited: number[] }[] = [];
    const deposited = (deposit: Deposit, i: number, doc: number, fraction = 1): number => deposit.waste * fraction * doc * docf * mcfs[i]!;
    if (decay === 'bulk') {
      const docs = deposits.map((deposit) => {
        if (deposit.doc !== undefined) return deposit.doc;
        if (deposit.composition) return parameters.compositionDoc(deposit.composition);
        if (parameters.bulkDoc !== undefined) return parameters.bulkDoc;
        return lineComposition ? parameters.compositionDoc(lineComposition) : undefined;
      });
      const absent = deposits.filter((deposit) => deposit.doc === undefined && !deposit.composition && parameters.bulkDoc === undefined && !lineComposition);
      requireIn(work, absent, deposits.length, 'composition');
      let k: number | undefined;
      if (fields['k'] === undefined) k = defaultK('bulk-msw');
      else if (typeof fields['k'] === 'number') k = work.number('k', undefined, { min: 0, max: 1 });
      else reportShape(work, 'k', 'number');
      streams.push({ k, deposited: deposits.map((deposit, i) => (docs[i] === undefined ? 0 : deposited(deposit, i, docs[i]))) });
    } else {
      requireIn(work, deposits.filter((deposit) => !composed(deposit)), deposits.length, 'composition');
      let kGiven: ReadonlyMap<WasteType, number> | undefined;
      if (fields['k'] !== undefined && typeof fields['k'] === 'number') reportShape(work, 'k', 'object');
      else if (fields['k'] !== undefined) kGiven = readByType(work, 'k', WASTE_TYPES, { min: 0, max: 1 });
      const types = WASTE_TYPES.filter((type) => deposits.some((deposit) => (composed(deposit)?.fractions.get(type) ?? 0) > 0));
      for (const type of types) {
        const doc = parameters.typeDoc(type);
        if (doc === undefined || doc === 0) continue;
        const k = kGiven?.get(type) ?? defaultK(type);
        streams.push({ k, deposited: deposits.map((deposit, i) => deposited(deposit, i, doc, composed(deposit)?.fractions.get(type) ?? 0)) });
      }
    }
    if (work.failed) return work.finish({}, 'non-fossil');

    const firstYear = deposits[0]!.year;
    const years = inventoryYear - firstYear + 1;
    const decomposed = streams.reduce((total, stream) => total + decomposedInLastYear(stream.deposited, years, stream.k!), 0);
    const generated = decomposed * f * CH4_PER_CARBON;
    if (recovered.total > generated) reader.report([...path, 'recovered'], { code: 'out-of-range', min: 0, max: generated, got: recovered.total });
    work.state({
      code: 'swd-history-start',
      text: {
        en: `disposal before ${firstYear} is taken as none: only the ${deposits.length} year${deposits.length === 1 ? "" : "s"} of history given decay into ${inventoryYear}; older waste still emitting is not counted`,
        zh: `${firstYear} 年以前的处置量按零计：仅计入所填 ${deposits.length} 年历史处置量在 ${inventoryYear} 年的衰减排放，更早填埋且仍在排放的废弃物未计`,
      },
    });
    return work.finish({ ch4: (generated - recovered.total) * (1 - ox) }, 'non-fossil');
  },
};

/** The site type in the inventory year, to check an oxidising cover against: the last entry's, else the line's. */
function siteInYear(lineSite: Site | undefined, deposits: readonly Deposit[] | undefined): Site | undefined {
  const last = deposits?.[deposits.length - 1];
  return last?.siteMcf ? last.siteMcf.site : lineSite;
}

/**
 * CH4 recovered (flared or used for energy) in the inventory year, mass; none when not given, stated.
 * `recoveredForEnergy` is the part of it burnt for energy: all of `recovered` is subtracted here either
 * way, and the energy part's combustion (CH4, N2O; its CO2 is biogenic) belongs in stationary energy
 * (GPC), as a `landfill-gas` line in I.4.4 or the consuming sub-sector's scope-1 row — stated.
 */
export function readRecovered(work: MethodWork): { total: number; forEnergy: number } | undefined {
  const { fields, reader, path } = work.input;
  if (fields['recovered'] === undefined) {
    if (fields['recoveredForEnergy'] !== undefined) return void reader.report([...path, 'recovered'], { code: 'required' });
    work.state({
      code: 'swd-no-recovery',
      text: { en: 'no landfill-gas CH4 recovered (no `recovered` given)', zh: '未填写 `recovered`，按无填埋气 CH4 回收计' },
    });
    return { total: 0, forEnergy: 0 };
  }
  const total = work.quantity('recovered', ['mass'])?.value;
  if (fields['recoveredForEnergy'] === undefined) return total === undefined ? undefined : { total, forEnergy: 0 };
  const forEnergy = work.quantity('recoveredForEnergy', ['mass']);
  if (total === undefined || !forEnergy) return undefined;
  if (forEnergy.value > total) {
    return void reader.report([...path, 'recoveredForEnergy'], { code: 'out-of-range', min: 0, max: total, got: forEnergy.value });
  }
  const tonnes = (value: number): number => Number(value.toPrecision(6));
  work.state({
    code: 'swd-recovered-for-energy',
    text: {
      en: `of ${tonnes(total)} t CH4 recovered, ${tonnes(forEnergy.value)} t is burnt for energy and ${tonnes(total - forEnergy.value)} t flared; all is subtracted here — the combustion of the energy part belongs in stationary energy (GPC): a \`landfill-gas\` line in I.4.4 (grid) or the consuming sub-sector's scope-1 row`,
      zh: `回收 CH4 ${tonnes(total)} 吨中，${tonnes(forEnergy.value)} 吨用于能源利用，${tonnes(total - forEnergy.value)} 吨火炬燃烧；回收量全部在此扣减——能源利用部分的燃烧排放按 GPC 计入固定源能源：在 I.4.4（上网）或用能部门范围一行填写 \`landfill-gas\` 行`,
    },
  });
  return { total, forEnergy: forEnergy.value };
}

/** A value missing from some history entries and from the line: reported on the line when all lack it, else per entry. */
function requireIn(work: MethodWork, missing: readonly Deposit[], total: number, field: string): void {
  const { reader, path } = work.input;
  if (missing.length === 0) return;
  if (missing.length === total) return reader.report([...path, field], { code: 'required' });
  for (const deposit of missing) reader.report([...path, 'history', deposit.index, field], { code: 'required' });
}

function decayStatement(decay: (typeof DECAYS)[number]): { code: string; text: { en: string; zh: string } } {
  return decay === 'by-type'
    ? {
        code: 'swd-decay-by-type',
        text: {
          en: 'each waste type decays at its own k (multi-phase), as every year has a composition; set `decay: bulk` for one bulk-MSW k',
          zh: '各年均有组分数据，按各类废弃物各自的衰减速率 k 分别计算（多相模型）；如需按混合生活垃圾单一 k 计算，请填写 `decay: bulk`',
        },
      }
    : {
        code: 'swd-decay-bulk',
        text: {
          en: 'waste decays as bulk MSW (one k, DOC weighted by composition), as a single `doc` or `k` is given or not every year has a composition',
          zh: '已填写单一 `doc` 或 `k`，或并非各年均有组分数据，按混合生活垃圾单一 k 计算（DOC 按组分加权）',
        },
      };
}
