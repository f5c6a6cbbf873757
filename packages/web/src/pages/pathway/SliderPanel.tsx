import type { Pathway } from '@peakpath/core';
import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../app/hooks.ts';
import { formatSliderValue, sectionOf, sliderLabel, type SliderSection } from './labels.ts';
import { tickOf, valueAt, type SliderSpec } from './sliders.ts';
import type { Settings } from './state.ts';

export type SliderChange = (spec: SliderSpec, value: number, inputAt: number) => void;

interface SliderProps {
  readonly spec: SliderSpec;
  readonly value: number;
  readonly label: string;
  readonly onChange: SliderChange;
  readonly onSeal: () => void;
}

/** One labelled range input: arrow keys step it, its value and unit are shown beside it, and the file's value under it once moved. */
const Slider = memo(function Slider({ spec, value, label, onChange, onSeal }: SliderProps) {
  const { t } = useTranslation('pathway');
  const lang = useLang();
  const id = useId();
  const text = formatSliderValue(spec, value, lang);
  const changed = value !== spec.fileValue;
  return (
    <div className={changed ? 'pw-slider pw-changed' : 'pw-slider'}>
      <label htmlFor={id}>{label}</label>
      <div className="pw-slider-row">
        <input
          id={id}
          type="range"
          min={-spec.below}
          max={spec.above}
          step={1}
          value={tickOf(spec, value)}
          aria-valuetext={text}
          data-path={spec.path}
          // The event's own time starts the slider → redrawn chart measurement (window.__peakpathTimings).
          onChange={(event) => onChange(spec, valueAt(spec, Number(event.target.value)), event.timeStamp)}
          onPointerUp={onSeal}
          onBlur={onSeal}
        />
        <output htmlFor={id} className="num" data-testid={`value-${spec.path}`}>{text}</output>
      </div>
      {changed && <p className="pw-file-value">{t('sliders.fileValue', { value: formatSliderValue(spec, spec.fileValue, lang) })}</p>}
    </div>
  );
});

const SECTIONS: readonly SliderSection[] = ['policies', 'drivers', 'intensity', 'shares', 'grid'];

/** The sliders by section: policies first (the actions of the scenario), then the assumptions. */
export function SliderPanel({ pathway, sliders, settings, onChange, onSeal }: { pathway: Pathway; sliders: readonly SliderSpec[]; settings: Settings; onChange: SliderChange; onSeal: () => void }) {
  const { t } = useTranslation('pathway');
  const lang = useLang();
  return (
    <div className="pw-sliders">
      {SECTIONS.map((section) => {
        const inSection = sliders.filter((spec) => sectionOf(spec) === section);
        if (inSection.length === 0 && section !== 'policies') return null;
        return (
          <fieldset key={section} className="pw-section" data-section={section}>
            <legend>{t(`sliders.${section}`)}</legend>
            {inSection.length === 0 && <p className="hint">{t('sliders.noPolicies')}</p>}
            {inSection.map((spec) => (
              <Slider key={spec.path} spec={spec} value={settings.get(spec.path) ?? spec.fileValue} label={sliderLabel(spec, pathway, t, lang)} onChange={onChange} onSeal={onSeal} />
            ))}
          </fieldset>
        );
      })}
    </div>
  );
}
