import { FACTOR_LABELS, FACTOR_SET_SOURCES } from '../../factors/factor-sets.ts';
import { CO2_PER_CARBON } from '../../factors/molar-ratios.ts';
import { FUELS, type FuelId } from '../../factors/fuels.ts';
import type { Factor } from '../../factors/library.ts';
import type { MissingFactor, Path } from '../../issues/issue.ts';
import { assumptions } from '../../accounting/assumptions.ts';
import { factorRef } from '../../accounting/statements.ts';
import type { RoadTechnology } from './road-technologies.ts';
import type { MethodWork } from '../method.ts';

export const FACTOR_SETS = ['ipcc2006', 'cn'] as const;
export type FactorSetId = (typeof FACTOR_SETS)[number];

const NAMES = {
  ...FACTOR_LABELS,
  CH4: { en: 'CH4 factor, road transport', zh: '道路交通 CH4 排放因子' },
  N2O: { en: 'N2O factor, road transport', zh: '道路交通 N2O 排放因子' },
} as const;

/**
 * The library defaults for a fuel burnt in a vehicle, taken exactly as a `fuel` line takes them:
 * NCV and CO2 from the line's factor set — `ipcc2006`: IPCC 2006 Vol.2 Table 1.2 (NCV) and Table 1.4
 * (CO2 per TJ, oxidation 1); `cn`: GB/T 2589 (NCV) and the provincial guideline, CO2 = E × carbon content
 * × oxidation rate × 44/12 — and, on roads, CH4 and N2O from IPCC 2006 Vol.2 Table 3.2.2. Each factor is
 * listed and stated once per line, however many vehicles or fuels use it.
 */
export class FuelDefaults {
  private setStated = false;
  private readonly substituted = new Set<FuelId>();
  private readonly technologyAsked = new Set<string>();

  private constructor(
    private readonly work: MethodWork,
    readonly factorSet: FactorSetId,
    private readonly setGiven: boolean,
  ) {}

  /** The line's `factorSet`, else the file's (stated when a default is first taken by it). */
  static read(work: MethodWork): FuelDefaults | undefined {
    const { reader, fields, path } = work.input;
    const given = reader.choice(fields, 'factorSet', path, FACTOR_SETS, false);
    if (fields['factorSet'] !== undefined && given === undefined) return undefined;
    return new FuelDefaults(work, given ?? work.input.factorSet, given !== undefined);
  }

  /** The library NCV of the fuel in this factor set (not yet used), to see whether it is per mass or per volume. */
  libraryNcv(fuel: FuelId): Factor | undefined {
    return this.work.input.library.one({ kind: 'ncv', fuel: this.tableFuel(fuel, false), source: FACTOR_SET_SOURCES[this.factorSet].ncv });
  }

  /** GJ per base unit (t or m³) of the fuel, from the library; a missing or misfitting NCV is reported at `path.ncv`. */
  ncv(fuel: FuelId, dimension: 'mass' | 'volume', path: Path): number | undefined {
    const factor = this.libraryNcv(fuel);
    this.tableFuel(fuel, true);
    if (!factor) return this.missing([...path, 'ncv'], 'ncv', fuel);
    if (factor.unit.dimension !== `energy/${dimension}`) return this.missing([...path, 'ncv'], dimension === 'volume' ? 'ncv-per-volume' : 'ncv-per-mass', fuel);
    return this.use(factor, NAMES.ncv).toBase;
  }

  /** Tonnes of CO2 per GJ of the fuel by the factor set; a missing value is reported at `path.ef.CO2`. */
  co2(fuel: FuelId, path: Path): number | undefined {
    const { library } = this.work.input;
    const table = this.tableFuel(fuel, true);
    if (this.factorSet === 'ipcc2006') {
      const factor = library.one({ kind: 'co2-ef', fuel: table, source: FACTOR_SET_SOURCES.ipcc2006.co2 });
      return factor ? this.use(factor, NAMES.co2).toBase : this.missing([...path, 'ef', 'CO2'], 'co2', fuel);
    }
    const carbon = library.one({ kind: 'carbon-content', fuel: table, source: FACTOR_SET_SOURCES.cn.carbonContent });
    const oxidation = library.one({ kind: 'oxidation', fuel: table, source: FACTOR_SET_SOURCES.cn.oxidation });
    if (!carbon || !oxidation) return this.missing([...path, 'ef', 'CO2'], 'co2', fuel);
    return this.use(carbon, NAMES.carbonContent).toBase * this.use(oxidation, NAMES.oxidation).value * CO2_PER_CARBON;
  }

  /**
   * Tonnes of CH4 or N2O per GJ on roads (Table 3.2.2): gasoline by its `technology` (the table states no
   * default one, so a missing technology is reported, once per place, for whichever gas needs it first),
   * other fuels by fuel.
   */
  road(gas: 'CH4' | 'N2O', fuel: FuelId, technology: RoadTechnology | undefined, path: Path): number | undefined {
    const kind = gas === 'CH4' ? 'ch4-ef' : 'n2o-ef';
    if (fuel === 'gasoline' && technology === undefined) {
      const where = [...path, 'technology'];
      const key = where.join('.');
      if (!this.technologyAsked.has(key)) {
        this.technologyAsked.add(key);
        this.missing(where, 'technology', fuel, 'road');
      }
      return undefined;
    }
    const factor =
      fuel === 'gasoline'
        ? this.work.input.library.one({ kind, context: 'road', technology })
        : this.work.input.library.one({ kind, context: 'road', fuel });
    if (!factor) return this.missing([...path, 'ef', gas], gas === 'CH4' ? 'ch4' : 'n2o', fuel, 'GPC II.1');
    return this.use(factor, NAMES[gas]).toBase;
  }

  private missing(path: Path, need: MissingFactor, fuel: FuelId, context: string = this.factorSet): undefined {
    this.work.input.reader.report(path, { code: 'missing-factor', need, fuel, context });
    return undefined;
  }

  /** Lists and states a library factor, once per line; and the factor set, the first time it matters. */
  private use(factor: Factor, label: { en: string; zh: string }): Factor {
    if (!this.setGiven && !this.setStated && (factor.kind === 'ncv' || factor.kind === 'co2-ef' || factor.kind === 'carbon-content')) {
      this.setStated = true;
      this.work.state({
        code: 'method-factor-set',
        text: {
          en: `NCV and CO2 defaults from the file's factor set "${this.factorSet}" (the line gives no \`factorSet\` of its own)`,
          zh: `低位发热量与 CO2 默认值取文件的因子集 "${this.factorSet}"（该行未填写 \`factorSet\`）`,
        },
      });
    }
    if (!this.work.factors.some((listed) => listed.id === factor.id)) {
      this.work.factors.push(factorRef(factor));
      this.work.state(assumptions.libraryDefault(label, factor));
    }
    return factor;
  }

  /** The fuel whose values the factor set holds: under `cn`, jet kerosene takes kerosene's (stated once). */
  private tableFuel(fuel: FuelId, state: boolean): FuelId {
    const as = this.factorSet === 'cn' ? FUELS.get(fuel)?.cnAs : undefined;
    if (as === undefined) return fuel;
    if (state && !this.substituted.has(fuel)) {
      this.substituted.add(fuel);
      this.work.state(assumptions.fuelSubstitute(fuel, as));
    }
    return as;
  }
}
