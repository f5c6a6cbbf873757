import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Prioritisation } from '@peakpath/core';
import { loadCore } from '../../app/engine.ts';
import { ErrorNotice, Loading } from '../../app/ErrorNotice.tsx';
import { formatNumber, formatPercent } from '../../app/format.ts';
import { useLang } from '../../app/hooks.ts';
import { rankingInput, weightsValid, withWeights, type PlanJobResult } from './model.ts';

type Prioritise = Awaited<ReturnType<typeof loadCore>>['prioritise'];

/**
 * The plan's criteria weights and the ranking they give, with its robustness: the core's MCDA
 * (`prioritise`) runs in the browser on the scores of the last optimiser run, so a changed weight
 * re-ranks at once, with the plan's own perturbation, samples and seed.
 */
export function PrioritiesView({ result }: { result: PlanJobResult | null }) {
  const { t } = useTranslation('plan');
  const prioritisation = result?.prioritisation;
  const input = useMemo(() => (prioritisation ? rankingInput(prioritisation) : null), [prioritisation]);
  const plansWeights = useMemo(() => Object.fromEntries((prioritisation?.criteria ?? []).map((criterion) => [criterion.id, criterion.weight])), [prioritisation]);
  const [weights, setWeights] = useState<Record<string, number>>(plansWeights);
  useEffect(() => setWeights(plansWeights), [plansWeights]);
  const [prioritise, setPrioritise] = useState<Prioritise | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  useEffect(() => {
    void loadCore().then((core) => setPrioritise(() => core.prioritise), setLoadError);
  }, []);

  const valid = weightsValid(weights);
  const ranked: Prioritisation | null = useMemo(() => {
    if (!prioritisation || !input || !prioritise || !valid) return null;
    const { perturbation, samples, seed } = prioritisation.robustness;
    return prioritise(withWeights(input.criteria, weights), input.alternatives, { perturbation, samples, seed });
  }, [prioritisation, input, prioritise, valid, weights]);

  return (
    <section className="priorities" aria-labelledby="priorities-heading">
      <h2 id="priorities-heading">{t('priorities.heading')}</h2>
      {!result || !prioritisation ? (
        <p className="notice notice-ok" data-testid="priorities-need-job">{t('priorities.needJob')}</p>
      ) : !input ? (
        <p className="notice notice-error">{t('priorities.zeroWeight')}</p>
      ) : loadError ? (
        <ErrorNotice error={loadError} />
      ) : (
        <PrioritiesBody prioritisation={prioritisation} ranked={ranked} weights={weights} setWeights={setWeights} reset={() => setWeights(plansWeights)} changed={JSON.stringify(weights) !== JSON.stringify(plansWeights)} valid={valid} result={result} />
      )}
    </section>
  );
}

interface BodyProps {
  readonly prioritisation: Prioritisation;
  readonly ranked: Prioritisation | null;
  readonly weights: Record<string, number>;
  setWeights(weights: Record<string, number>): void;
  reset(): void;
  readonly changed: boolean;
  readonly valid: boolean;
  readonly result: PlanJobResult;
}

function PrioritiesBody({ prioritisation, ranked, weights, setWeights, reset, changed, valid, result }: BodyProps) {
  const { t } = useTranslation('plan');
  const lang = useLang();
  const names = new Map(result.macc.entries.map((entry) => [entry.id, entry.name]));
  const name = (id: string) => {
    const known = names.get(id);
    return known ? (typeof known === 'string' ? known : known[lang]) : id;
  };
  const { perturbation, samples, seed } = prioritisation.robustness;
  const shares = ranked ? new Map(ranked.criteria.map((criterion) => [criterion.id, criterion.normalisedWeight])) : new Map<string, number>();
  return (
    <>
      <p className="hint">{t('priorities.intro', { perturbation: formatPercent(perturbation, lang, 0), samples: formatNumber(samples, lang), seed })}</p>
      <div className="planner-columns">
        <fieldset className="weights">
          <legend>{t('priorities.weights')}</legend>
          {prioritisation.criteria.map((criterion) => {
            const label = criterion.name[lang];
            const value = weights[criterion.id] ?? 0;
            const share = shares.get(criterion.id);
            // The core's exact range of this weight over which the leader keeps first place.
            const stable = ranked?.weightStability[criterion.id];
            return (
              <div key={criterion.id} className="weight">
                <label htmlFor={`weight-${criterion.id}`}>{label}</label>
                <span className="hint">{t(`priorities.${criterion.direction}`)}</span>
                <input
                  id={`weight-${criterion.id}`}
                  type="range"
                  min={0}
                  max={10}
                  step={0.5}
                  value={Number.isFinite(value) ? Math.min(value, 10) : 0}
                  onChange={(event) => setWeights({ ...weights, [criterion.id]: Number(event.target.value) })}
                />
                <input
                  type="number"
                  min={0}
                  step="any"
                  className="weight-number"
                  data-criterion={criterion.id}
                  aria-label={t('priorities.weight', { name: label })}
                  aria-invalid={!(value >= 0)}
                  value={Number.isFinite(value) ? value : ''}
                  onChange={(event) => setWeights({ ...weights, [criterion.id]: event.target.value === '' ? Number.NaN : Number(event.target.value) })}
                />
                <span className="hint num">{share === undefined ? '' : t('priorities.share', { share: formatPercent(share, lang, 0) })}</span>
                {stable && <span className="hint num">{t('priorities.stable', { low: formatPercent(stable[0], lang, 0), high: formatPercent(stable[1], lang, 0) })}</span>}
              </div>
            );
          })}
          <p><button type="button" onClick={reset} disabled={!changed}>{t('priorities.reset')}</button></p>
          {!valid && <p className="notice notice-error" role="alert">{t('priorities.invalid')}</p>}
        </fieldset>
        <div>
          <p role="status" className="hint">{changed && valid ? t('priorities.changed') : ''}</p>
          {!ranked ? (
            valid ? <Loading /> : null
          ) : (
            <>
              <table data-testid="ranking">
                <caption>{t('priorities.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">{t('priorities.rank')}</th>
                    <th scope="col">{t('priorities.measure')}</th>
                    <th scope="col" className="num">{t('priorities.score')}</th>
                    <th scope="col" className="num">{t('priorities.range')}</th>
                    <th scope="col">{t('priorities.stability')}</th>
                    <th scope="col" className="num">{t('priorities.first')}</th>
                  </tr>
                </thead>
                <tbody>
                  {ranked.ranking.map((alternative) => (
                    <tr key={alternative.id} data-measure={alternative.id}>
                      <td className="num">{alternative.rank}</td>
                      <th scope="row">{name(alternative.id)}</th>
                      <td className="num">{formatNumber(alternative.score, lang, 3)}</td>
                      <td className="num">{alternative.rankRange[0] === alternative.rankRange[1] ? alternative.rankRange[0] : `${alternative.rankRange[0]}–${alternative.rankRange[1]}`}</td>
                      <td>
                        <span className="meter" aria-hidden="true"><span style={{ width: `${alternative.rankStability * 100}%` }} /></span>
                        <span className="num">{formatPercent(alternative.rankStability, lang, 0)}</span>
                      </td>
                      <td className="num">{formatPercent(alternative.firstShare, lang, 0)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="hint">{t('priorities.orderUnchanged', { share: formatPercent(ranked.robustness.orderUnchanged, lang, 0) })}</p>
            </>
          )}
        </div>
      </div>
    </>
  );
}
