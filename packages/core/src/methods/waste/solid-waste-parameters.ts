import type { Path } from '../../issues/issue.ts';
import type { Fields } from '../../reading/reader.ts';
import type { MethodWork } from '../method.ts';
import { readByType, readFlag, reportShape, WASTE_TYPES, type Composition, type WasteType } from './solid-waste-composition.ts';

/** Disposal-site types of IPCC 2006 Vol.5 Table 3.1 (MCF). */
export const SITES = ['managed-anaerobic', 'managed-semi-aerobic', 'unmanaged-deep', 'unmanaged-shallow', 'uncategorised'] as const;
export type Site = (typeof SITES)[number];
/** Table 3.2 gives OX 0.1 only to managed sites covered with CH4-oxidising material. */
const MANAGED_SITES: readonly Site[] = ['managed-anaerobic', 'managed-semi-aerobic'];

/** A holder's (the line's or a history entry's) MCF, and its site type when it was given by `site`. */
export interface SiteMcf {
  readonly site: Site | undefined;
  readonly mcf: number;
}

/**
 * The parameters both solid-waste-disposal methods share (IPCC 2006 Vol.5 Ch.2–3): DOC by waste type
 * (Table 2.4) and from a composition (Eq 2.4), MCF by site (Table 3.1), DOCf and F (Section 3.2.3), OX
 * (Table 3.2). Each library default is looked up, listed and stated once per line.
 */
export class SolidWasteParameters {
  private readonly mcfBySite = new Map<Site, number | undefined>();
  private readonly docByType = new Map<WasteType, number | undefined>();
  /** Per-type DOC given on the line (`doc: { food: 0.12 }`); a number `doc` is a bulk DOC instead. */
  readonly docOverrides: ReadonlyMap<WasteType, number> | undefined;
  /** A bulk DOC (`doc: 0.15`), t C per t wet waste. */
  readonly bulkDoc: number | undefined;

  constructor(private readonly work: MethodWork) {
    const { fields, path, reader } = work.input;
    const doc = fields['doc'];
    if (typeof doc === 'number') {
      this.bulkDoc = reader.number(fields, 'doc', path, { required: true, min: 0, max: 1 });
      if (this.bulkDoc !== undefined) listLine(work, 'doc', this.bulkDoc);
    } else if (typeof doc === 'object' && doc !== null && !Array.isArray(doc)) {
      this.docOverrides = readByType(work, 'doc', WASTE_TYPES, { min: 0, max: 1 });
    } else if (doc !== undefined) {
      reportShape(work, 'doc', 'number');
    }
  }

  /** DOC of one waste type: the line's per-type value or Table 2.4's. */
  typeDoc(type: WasteType): number | undefined {
    const given = this.docOverrides?.get(type);
    if (given !== undefined) return given;
    if (!this.docByType.has(type)) {
      const label = { en: `DOC of ${type} (t C per t wet waste)`, zh: `${type} 的 DOC（t C/t 湿废弃物）` };
      this.docByType.set(type, this.work.libraryValue('doc', { parameter: 'doc', category: type }, label)?.toBase);
    }
    return this.docByType.get(type);
  }

  /** Eq 2.4: DOC = Σ_i DOC_i × W_i over the composition's wet-weight fractions; only present types are looked up. */
  compositionDoc(composition: Composition): number | undefined {
    let doc = 0;
    let complete = true;
    for (const [type, fraction] of composition.fractions) {
      if (fraction === 0) continue;
      const typeDoc = this.typeDoc(type);
      if (typeDoc === undefined) complete = false;
      else doc += fraction * typeDoc;
    }
    return complete ? doc : undefined;
  }

  /** The MCF of a line or history entry: `site` (Table 3.1) or `mcf`; null when neither is given there. */
  siteMcf(holder: Fields, path: Path, label: string): SiteMcf | null | undefined {
    const { reader } = this.work.input;
    if (holder['site'] !== undefined && holder['mcf'] !== undefined) {
      reader.report([...path, 'mcf'], { code: 'conflict', fields: ['site', 'mcf'] });
      return undefined;
    }
    if (holder['mcf'] !== undefined) {
      const mcf = reader.number(holder, 'mcf', path, { required: true, min: 0, max: 1 });
      if (mcf === undefined) return undefined;
      listLine(this.work, `${label}mcf`, mcf);
      return { site: undefined, mcf };
    }
    if (holder['site'] === undefined) return null;
    const name = reader.string(holder, 'site', path, true);
    const site = name === undefined ? undefined : this.work.category(name, SITES, [...path, 'site']);
    if (site === undefined) return undefined;
    if (!this.mcfBySite.has(site)) {
      const text = { en: `MCF of a ${site} site`, zh: `${site} 处置场的 MCF` };
      this.mcfBySite.set(site, this.work.libraryValue('mcf', { parameter: 'mcf', category: site }, text)?.toBase);
    }
    const mcf = this.mcfBySite.get(site);
    return mcf === undefined ? undefined : { site, mcf };
  }

  /** DOCf, the fraction of DOC that decomposes: the line's `docf` or 0.5 (Section 3.2.3). */
  docf(): number | undefined {
    return this.work.number('docf', { parameter: 'docf' }, { min: 0, max: 1, label: { en: 'DOCf (fraction of DOC decomposing)', zh: 'DOCf（可分解的 DOC 比例）' } });
  }

  /** F, the CH4 fraction of landfill gas: the line's `f` or 0.5 (Section 3.2.3). */
  methaneFraction(): number | undefined {
    return this.work.number('f', { parameter: 'f' }, { min: 0, max: 1, label: { en: 'F (CH4 fraction of landfill gas)', zh: 'F（填埋气中 CH4 比例）' } });
  }

  /**
   * OX: the line's `ox`, or Table 3.2's — 0.1 when `oxidisingCover: true` (managed sites only), else 0.
   * `site` is the type of the site in the inventory year, when known, to check the cover against.
   */
  oxidation(site: Site | undefined): number | undefined {
    const { fields, path, reader } = this.work.input;
    const cover = readFlag(this.work, fields, 'oxidisingCover', path);
    if (fields['ox'] !== undefined) {
      if (fields['oxidisingCover'] !== undefined) return void reader.report([...path, 'ox'], { code: 'conflict', fields: ['ox', 'oxidisingCover'] });
      return this.work.number('ox', undefined, { min: 0, max: 1 });
    }
    if (fields['oxidisingCover'] !== undefined && cover === undefined) return undefined;
    if (cover === true && site !== undefined && !MANAGED_SITES.includes(site)) {
      return void reader.report([...path, 'oxidisingCover'], { code: 'conflict', fields: ['site', 'oxidisingCover'] });
    }
    const label = cover
      ? { en: 'OX (site covered with CH4-oxidising material)', zh: 'OX（覆盖甲烷氧化材料）' }
      : { en: 'OX (no CH4-oxidising cover stated: set `oxidisingCover: true` for a managed site with one)', zh: 'OX（未声明甲烷氧化覆盖层；如管理型处置场有覆盖层，请填写 `oxidisingCover: true`）' };
    return this.work.libraryValue('ox', { parameter: 'ox', variant: cover ? 'covered' : 'not-covered' }, label)?.toBase;
  }
}

/** Lists a plain number given on the line (or in a history entry, `history[3].mcf`) among the line's factors. */
export function listLine(work: MethodWork, label: string, value: number): void {
  work.factors.push({ id: `line:${label}`, value, unit: '1', source: work.input.lineSource ?? 'given on the line' });
}
