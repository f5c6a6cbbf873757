import { CH4_PER_CARBON } from '../../factors/molar-ratios.ts';
import type { MethodCalculator } from '../method.ts';
import { MethodWork } from '../method.ts';
import { CompositionReader, SOLID_WASTE } from './solid-waste-composition.ts';
import { SOLID_WASTE_REMAINDER, solidWasteFod } from './solid-waste-fod.ts';
import { SolidWasteParameters } from './solid-waste-parameters.ts';

/**
 * Solid waste disposal (GPC III.1) by methane commitment (GPC Ch.8): the CH4 that the waste landfilled
 * in the inventory year will emit over its whole decay, counted in that year:
 *   CH4 = MSW × L0 × (1 − f_rec) × (1 − OX),   L0 = MCF × DOC × DOCf × F × 16/12
 * with the IPCC 2006 defaults of the first-order decay method: DOC by type (Vol.5 Table 2.4, weighted by
 * the composition, Eq 2.4), MCF (Table 3.1), DOCf and F 0.5 (Section 3.2.3), OX (Table 3.2). f_rec is the
 * fraction of the landfill gas recovered over the site's life.
 */
export const solidWasteCommitment: MethodCalculator = {
  id: 'solid-waste-commitment',
  name: { en: 'Solid waste disposal, methane commitment (GPC)', zh: '固体废弃物处置：甲烷承诺法（GPC）' },
  rows: ['III.1.1', 'III.1.2', 'III.1.3'],
  fields: ['waste', 'composition', 'doc', 'site', 'mcf', 'docf', 'f', 'ox', 'oxidisingCover', 'recoveredFraction'],
  compute(input) {
    const work = new MethodWork(input, SOLID_WASTE);
    const { reader, fields, path } = input;
    const parameters = new SolidWasteParameters(work);
    const compositions = new CompositionReader(work, SOLID_WASTE_REMAINDER);
    const waste = work.quantity('waste', ['mass']);
    let doc: number | undefined;
    if (parameters.bulkDoc !== undefined && fields['composition'] !== undefined) {
      reader.report([...path, 'doc'], { code: 'conflict', fields: ['doc', 'composition'] });
    } else if (parameters.bulkDoc !== undefined) {
      doc = parameters.bulkDoc;
    } else if (fields['composition'] !== undefined) {
      const composition = compositions.read(fields['composition'], [...path, 'composition']);
      doc = composition && parameters.compositionDoc(composition);
    } else if (fields['doc'] === undefined || parameters.docOverrides !== undefined) {
      // Neither a bulk DOC nor a composition (per-type DOC values need a composition to weigh them).
      reader.report([...path, 'composition'], { code: 'required' });
    }
    const siteMcf = parameters.siteMcf(fields, path, '');
    if (siteMcf === null) reader.report([...path, 'site'], { code: 'required' });
    const docf = parameters.docf();
    const f = parameters.methaneFraction();
    const ox = parameters.oxidation(siteMcf?.site);
    let recoveredFraction: number | undefined = 0;
    if (fields['recoveredFraction'] !== undefined) {
      recoveredFraction = work.number('recoveredFraction', undefined, { min: 0, max: 1 });
    } else {
      work.state({
        code: 'swd-no-recovery',
        text: { en: 'no landfill gas recovered (no `recoveredFraction` given)', zh: '未填写 `recoveredFraction`，按无填埋气回收计' },
      });
    }
    if (!waste || doc === undefined || !siteMcf || docf === undefined || f === undefined || ox === undefined || recoveredFraction === undefined) {
      return work.finish({}, 'non-fossil');
    }
    const l0 = siteMcf.mcf * doc * docf * f * CH4_PER_CARBON;
    return work.finish({ ch4: waste.value * l0 * (1 - recoveredFraction) * (1 - ox) }, 'non-fossil', { quantity: 'waste', value: waste.value, unit: 't' });
  },
};

/** Calculators of GPC III.1, solid waste disposal. */
export const solidWasteMethods: readonly MethodCalculator[] = [solidWasteFod, solidWasteCommitment];
