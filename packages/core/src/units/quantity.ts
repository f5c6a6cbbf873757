/**
 * Branded numbers for base-unit quantities that must not be mixed inside the engine: a value in
 * tonnes of a gas cannot be passed where gigajoules are expected without an explicit conversion.
 */
declare const unitBrand: unique symbol;
type Branded<U extends string> = number & { readonly [unitBrand]: U };

/** Tonnes of a substance (fuel, or a gas). */
export type Tonnes = Branded<'t'>;
export type CubicMetres = Branded<'m3'>;
export type Gigajoules = Branded<'GJ'>;
/** Tonnes of CO2-equivalent (after GWP weighting). */
export type TonnesCO2e = Branded<'tCO2e'>;
/** Tonnes of standard coal equivalent (GB/T 2589). */
export type Tce = Branded<'tce'>;

export const tonnes = (value: number): Tonnes => value as Tonnes;
export const gigajoules = (value: number): Gigajoules => value as Gigajoules;
export const tonnesCO2e = (value: number): TonnesCO2e => value as TonnesCO2e;
export const tce = (value: number): Tce => value as Tce;
