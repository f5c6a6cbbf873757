/**
 * The two factor sets of fuel lines and where each takes its defaults from (factor ids carry the
 * table): `ipcc2006` — IPCC 2006 Vol.2 Table 1.2 (NCV) and Table 1.4 (CO2 per TJ); `cn` — GB/T 2589
 * (NCV) and the provincial inventory guideline (carbon content, oxidation rate). Shared by fuel lines
 * and by the methods that burn fuel (transport), so both take a fuel's defaults the same way.
 */
export const FACTOR_SET_SOURCES = {
  ipcc2006: { ncv: 'ipcc2006-v2-ch1', co2: 'ipcc2006-v2-ch1' },
  cn: { ncv: 'gbt-2589', carbonContent: 'cn-provincial-guideline', oxidation: 'cn-provincial-guideline' },
} as const;

/** The two factor sets of fuel lines. */
export type FactorSet = 'cn' | 'ipcc2006';

/** How a default is named where it is stated in a line's assumptions. */
export const FACTOR_LABELS = {
  ncv: { en: 'net calorific value', zh: '低位发热量' },
  co2: { en: 'CO2 factor', zh: 'CO2 排放因子' },
  carbonContent: { en: 'carbon content', zh: '单位热值含碳量' },
  oxidation: { en: 'oxidation rate', zh: '碳氧化率' },
  CH4: { en: 'CH4 factor', zh: 'CH4 排放因子' },
  N2O: { en: 'N2O factor', zh: 'N2O 排放因子' },
} as const;
