import type { FactorCitation, LineJson } from '@peakpath/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../app/hooks.ts';
import { formatNumber, formatTonnes } from '../../app/format.ts';
import type { Core } from './core.ts';
import { amountOf, fieldId, lineForm, withField, type Line, type LineForm } from './model.ts';

/** The issues of one line, by field (`null`: the line as a whole), already in the user's language. */
export type LineIssues = ReadonlyMap<string | null, readonly string[]>;

const NOTATION_KEYS = ['NO', 'IE', 'NE', 'C'] as const;
const QUALITIES = ['high', 'medium', 'low'] as const;

/** The dimensions a form's amount may have (docs/inventory-file.md): the unit list offers only these. */
const DIMENSIONS: Readonly<Record<Exclude<LineForm, 'notation' | 'method'>, readonly string[]>> = {
  fuel: ['mass', 'volume', 'energy'],
  electricity: ['energy'],
  heat: ['energy'],
  emissions: ['mass'],
};

interface Props {
  readonly core: Core;
  readonly line: Line;
  readonly index: number;
  readonly issues: LineIssues | undefined;
  readonly result: LineJson | undefined;
  readonly sources: Readonly<Record<string, FactorCitation>> | undefined;
  /** Null: read only (no inputs at all). */
  readonly onChange: ((line: Line) => void) | null;
  readonly onRemove: (() => void) | null;
}

/** What a line is, in a few words: its fuel, energy, gas, method or notation key. */
function lineWhat(core: Core, line: Line, form: LineForm | null, lang: 'zh' | 'en', formName: string): string {
  const detail = form === 'fuel' ? core.fuelName(String(line['fuel'] ?? ''), lang) : form === 'emissions' ? String(line['gas'] ?? '') : form === 'method' ? String(line['method'] ?? '') : form === 'notation' ? String(line['notation'] ?? '') : '';
  return detail === '' ? formName : `${formName} ${detail}`;
}

/** One activity line: its fields as inputs (or as text, read only), its issues inline, its factors and their sources. */
export function LineFields({ core, line, index, issues, result, sources, onChange, onRemove }: Props) {
  const { t } = useTranslation('inventory');
  const lang = useLang();
  const form = lineForm(line);
  const formName = form === null ? '' : t(`forms.${form}`);
  const lineErrors = issues?.get(null) ?? [];
  const lineId = fieldId(index, null);

  const field = (name: string, label: string, control: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => React.ReactNode, shown: string) => {
    const id = fieldId(index, name);
    const errors = issues?.get(name) ?? [];
    const errorId = `${id}-error`;
    return (
      <div className={`line-field line-field-${name}`} key={name}>
        <label htmlFor={onChange ? id : undefined} id={onChange ? undefined : `${id}-label`}>{label}</label>
        {onChange ? control({ id, ...(errors.length > 0 ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {}) }) : <span className="line-value" aria-labelledby={`${id}-label`}>{shown}</span>}
        {errors.length > 0 && <p className="field-error" id={errorId}>{errors.join(' ')}</p>}
      </div>
    );
  };

  const set = (name: string, value: unknown) => onChange?.(withField(line, name, value));
  const text = (name: string, label: string, extra: { list?: string; placeholder?: string } = {}) =>
    field(name, label, (props) => <input {...props} {...extra} type="text" value={String(line[name] ?? '')} onChange={(event) => set(name, event.target.value)} />, String(line[name] ?? '—'));

  const units = form !== null && form !== 'notation' && form !== 'method' ? core.listUnits().filter((unit) => DIMENSIONS[form].includes(unit.dimension)) : [];
  const spelling = String(line['unit'] ?? '');
  const current = core.parseUnit(spelling);
  // The yearbook's spelling (万吨, 亿立方米) where it names the unit, so the file reads as the yearbook does.
  const spellingOf = (unit: (typeof units)[number]) => (core.parseUnit(unit.name.zh)?.id === unit.id ? unit.name.zh : unit.id);

  return (
    <fieldset className={`line${lineErrors.length > 0 ? ' line-invalid' : ''}`} id={lineId} tabIndex={-1} data-line={index}>
      <legend>{t('line.label', { n: index + 1, what: lineWhat(core, line, form, lang, formName) })}</legend>
      {lineErrors.length > 0 && <p className="field-error" id={`${lineId}-error`}>{lineErrors.join(' ')}</p>}
      <div className="line-grid">
        {form === 'fuel' && text('fuel', t('line.fuel'), { list: 'inventory-fuels', placeholder: t('line.fuelHint') })}
        {form === 'emissions' && text('gas', t('line.gas'))}
        {form !== null && form !== 'notation' && form !== 'method' && (
          <>
            {field('amount', t('line.amount'), (props) => (
              <input {...props} type="text" inputMode="decimal" className="num" value={String(line['amount'] ?? '')} onChange={(event) => set('amount', amountOf(event.target.value))} />
            ), typeof line['amount'] === 'number' ? formatNumber(line['amount'], lang, 2).replace(/\.?0+$/, '') : String(line['amount'] ?? '—'))}
            {field('unit', t('line.unit'), (props) => (
              <select {...props} value={current?.id ?? spelling} onChange={(event) => {
                const unit = units.find((candidate) => candidate.id === event.target.value);
                set('unit', unit ? spellingOf(unit) : event.target.value);
              }}>
                {!current && <option value={spelling}>{spelling}</option>}
                {current && !units.includes(current) && <option value={current.id}>{current.name[lang]}</option>}
                {units.map((unit) => <option key={unit.id} value={unit.id}>{lang === 'zh' ? unit.name.zh : `${unit.id} (${unit.name.en})`}</option>)}
              </select>
            ), current ? core.unitName(spelling, lang) || spelling : spelling)}
          </>
        )}
        {form === 'notation' && (
          <>
            {field('notation', t('line.notation'), (props) => (
              <select {...props} value={String(line['notation'] ?? '')} onChange={(event) => set('notation', event.target.value)}>
                {NOTATION_KEYS.map((key) => <option key={key} value={key}>{t(`notation.${key}`)}</option>)}
              </select>
            ), String(line['notation'] ?? ''))}
            {field('explanation', onChange ? t('line.explanation') : t('line.explanationRead'), (props) => <input {...props} type="text" className="wide" value={String(line['explanation'] ?? '')} onChange={(event) => set('explanation', event.target.value)} />, String(line['explanation'] ?? '—'))}
          </>
        )}
        {form !== 'notation' && field('quality', t('line.quality'), (props) => (
          <select {...props} value={String(line['quality'] ?? '')} onChange={(event) => set('quality', event.target.value)}>
            <option value="">{t('line.qualityNone')}</option>
            {QUALITIES.map((quality) => <option key={quality} value={quality}>{t(`quality.${quality}`)}</option>)}
          </select>
        ), typeof line['quality'] === 'string' ? t(`quality.${line['quality'] as 'high'}`) : t('line.qualityNone'))}
        {text('source', t('line.source'))}
        {text('note', t('line.note'))}
        {result && (
          <div className="line-field line-emissions">
            <span className="line-label">{t('line.emissions')}</span>
            <span className="num">{formatTonnes(result.co2e, lang)}</span>
          </div>
        )}
        {onRemove && <button type="button" className="danger line-remove" onClick={onRemove}>{t('line.remove', { n: index + 1 })}</button>}
      </div>
      {form === 'method' && <p className="hint">{t('line.methodFields')}</p>}
      {result && form !== 'notation' && <Factors line={result} sources={sources} />}
    </fieldset>
  );
}

/** Each factor the line used, with its value, source, table and verification level (the result's `sources`). */
function Factors({ line, sources }: { line: LineJson; sources: Readonly<Record<string, FactorCitation>> | undefined }) {
  const { t } = useTranslation('inventory');
  const lang = useLang();
  return (
    <details className="factors">
      <summary>{t('line.factors')}</summary>
      {line.factors.length === 0 ? <p className="hint">{t('line.noFactors')}</p> : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('line.factorId')}</th>
              <th scope="col">{t('line.factorValue')}</th>
              <th scope="col">{t('line.factorSource')}</th>
              <th scope="col">{t('line.factorTable')}</th>
              <th scope="col">{t('line.factorVerification')}</th>
            </tr>
          </thead>
          <tbody>
            {line.factors.map((factor) => {
              const citation = sources?.[factor.id];
              return (
                <tr key={factor.id}>
                  <td><code>{factor.id}</code></td>
                  <td className="num">{formatNumber(factor.value, lang, 6).replace(/\.?0+$/, '')} {factor.unit}</td>
                  <td className="factor-source">{citation?.source ?? '—'}</td>
                  <td>{citation?.table ?? '—'}</td>
                  <td>{citation?.verification ?? '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </details>
  );
}
