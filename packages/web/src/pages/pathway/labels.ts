/** What a slider is called and how its value reads, in the user's language. */
import { carrierName, TARGET_KIND_NAMES, unitName, type Pathway, type TargetResult } from '@peakpath/core';
import type { TFunction } from 'i18next';
import { formatNumber, formatPercent } from '../../app/format.ts';
import { targetLabel } from '../../app/targets.ts';
import type { Lang } from '../../app/i18n.ts';
import type { SliderSpec } from './sliders.ts';

/** Decimals that show one step of a slider (a step of 0.001 as a percentage needs one). */
export function digitsFor(spec: SliderSpec): number {
  const step = spec.display === 'percent' ? spec.step * 100 : spec.step;
  return Math.max(0, Math.min(6, Math.ceil(-Math.log10(step) - 1e-9)));
}

export function formatSliderValue(spec: SliderSpec, value: number, lang: Lang): string {
  if (spec.display === 'percent') return formatPercent(value, lang, digitsFor(spec));
  const figure = formatNumber(value, lang, digitsFor(spec));
  const unit = spec.unit ? unitName(spec.unit, lang) : '';
  return unit ? `${figure} ${unit}` : figure;
}

const nameOf = (named: { readonly id: string; readonly name: { readonly en: string; readonly zh: string } } | undefined, id: string, lang: Lang): string => named?.name[lang] ?? id;

/** The driver's name from the texts where peakpath knows the id, else its id as the file gives it. */
function driverName(id: string, t: TFunction<'pathway'>): string {
  const key = `drivers.${id}`;
  const known = t(key as 'drivers.gdp', { defaultValue: '' });
  return known === '' ? id : known;
}

export function sliderLabel(spec: SliderSpec, pathway: Pathway, t: TFunction<'pathway'>, lang: Lang): string {
  const subject = spec.subject;
  const sector = (id: string) => nameOf(pathway.model.sectors.find((candidate) => candidate.id === id), id, lang);
  const action = (id: string) => nameOf(pathway.model.actions.find((candidate) => candidate.id === id), id, lang);
  switch (subject.kind) {
    case 'driver-growth':
      return subject.from === null ? t('sliders.driverGrowthAll', { driver: driverName(subject.driver, t) }) : t('sliders.driverGrowth', { driver: driverName(subject.driver, t), year: subject.from });
    case 'driver-point':
      return t('sliders.driverPoint', { driver: driverName(subject.driver, t), year: subject.year });
    case 'driver-share':
      return t('sliders.driverShare', { driver: driverName(subject.driver, t), year: subject.year });
    case 'driver-elasticity':
      return subject.from === null ? t('sliders.driverElasticityAll', { driver: driverName(subject.driver, t) }) : t('sliders.driverElasticity', { driver: driverName(subject.driver, t), year: subject.from });
    case 'intensity-growth':
      return subject.from === null ? t('sliders.intensityGrowthAll', { sector: sector(subject.sector) }) : t('sliders.intensityGrowth', { sector: sector(subject.sector), year: subject.from });
    case 'intensity-point':
      return t('sliders.intensityPoint', { sector: sector(subject.sector), year: subject.year });
    case 'fuel-share':
      return t('sliders.fuelShare', { sector: sector(subject.sector), carrier: carrierName(subject.carrier, lang), year: subject.year });
    case 'grid-point':
      return t('sliders.gridPoint', { year: subject.year });
    case 'adoption-level':
      return t('sliders.adoptionLevel', { action: action(subject.action) });
    case 'adoption-rate':
      return t('sliders.adoptionRate', { action: action(subject.action) });
    default: {
      const unhandled: never = subject;
      return String(unhandled);
    }
  }
}

/** The section of the slider panel a slider sits in. */
export type SliderSection = 'policies' | 'drivers' | 'intensity' | 'shares' | 'grid';

export function sectionOf(spec: SliderSpec): SliderSection {
  switch (spec.subject.kind) {
    case 'adoption-level':
    case 'adoption-rate':
      return 'policies';
    case 'driver-growth':
    case 'driver-point':
    case 'driver-share':
    case 'driver-elasticity':
      return 'drivers';
    case 'intensity-growth':
    case 'intensity-point':
      return 'intensity';
    case 'fuel-share':
      return 'shares';
    case 'grid-point':
      return 'grid';
    default: {
      const unhandled: never = spec.subject;
      return unhandled;
    }
  }
}

/** A target's name: the file's, or its kind and year with its id (app/targets.ts, as the planner names it). */
export function targetName(target: Pick<TargetResult, 'id' | 'name' | 'kind' | 'year'>, lang: Lang): string {
  return targetLabel(target, TARGET_KIND_NAMES, lang);
}
