import type { Factor } from '../../factors/library.ts';
import type { MethodWork } from '../method.ts';

/** A waste stream other than MSW (Table 5.2), burnt as a whole; MSW is split into its Table 2.4 components. */
export type Component = string;

/** Where a component's dry matter, carbon and fossil fraction come from: given on the line, or a library record. */
type Source = { given: number } | { record: Factor } | undefined;

const PARAMETERS = [
  { field: 'dm', parameter: 'dm', what: { en: 'dry matter content (fraction of wet weight)', zh: '干物质含量（占湿重比例）' } },
  { field: 'carbon', parameter: 'carbon', what: { en: 'total carbon content (fraction of dry weight)', zh: '总碳含量（占干重比例）' } },
  { field: 'fossilCarbon', parameter: 'fossil-carbon', what: { en: 'fossil carbon fraction (of total carbon)', zh: '化石碳比例（占总碳）' } },
] as const;

/** One component's carbon: dm × CF × FCF, and what is known of dm and CF (for dry mass and biogenic CO2). */
export interface ComponentCarbon {
  /** Fossil carbon per tonne of wet waste (dm × CF × FCF); 0 when any of the three is 0. */
  readonly fossil: number;
  /** Biogenic carbon per tonne of wet waste (dm × CF × (1 − FCF)), when all three are known. */
  readonly biogenic: number | undefined;
  readonly dm: number | undefined;
}

/**
 * A component's dm, CF and FCF (Eq 5.1): each the line's override or the library's default, listed and
 * stated. A missing one is an error, unless another of the three is 0 (then the fossil carbon is 0
 * whatever it is, as for sewage sludge, whose carbon is all biogenic).
 */
export function componentCarbon(work: MethodWork, component: Component, overrides: Readonly<Record<'dm' | 'carbon' | 'fossilCarbon', ReadonlyMap<Component, number> | undefined>>): ComponentCarbon {
  const sources = PARAMETERS.map(({ field, parameter }): Source => {
    const given = overrides[field]?.get(component);
    if (given !== undefined) return { given };
    const record = work.input.library.one({ kind: 'parameter', method: work.method, parameter, category: component });
    return record ? { record } : undefined;
  });
  const values = sources.map((source, i) => {
    if (source === undefined) return undefined;
    if ('given' in source) return source.given;
    const { field, parameter, what } = PARAMETERS[i]!;
    return work.libraryValue(field, { parameter, category: component }, { en: `${component}: ${what.en}`, zh: `${component}：${what.zh}` })?.toBase;
  });
  const [dm, carbon, fossilFraction] = values;
  if (dm !== undefined && carbon !== undefined && fossilFraction !== undefined) {
    return { fossil: dm * carbon * fossilFraction, biogenic: dm * carbon * (1 - fossilFraction), dm };
  }
  if (!values.includes(0)) {
    PARAMETERS.forEach(({ field }, i) => {
      if (values[i] === undefined) work.input.reader.report([...work.input.path, field], { code: 'missing-parameter', field, method: work.method, category: component });
    });
  }
  // No dry matter or no carbon: no carbon of either kind. A zero fossil fraction alone leaves the biogenic share unknown.
  return { fossil: 0, biogenic: dm === 0 || carbon === 0 ? 0 : undefined, dm };
}
