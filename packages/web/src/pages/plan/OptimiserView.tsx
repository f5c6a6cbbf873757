import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { all, ApiFailure, get, put } from '../../app/api.ts';
import { ErrorNotice } from '../../app/ErrorNotice.tsx';
import { JobStatus } from '../../app/JobStatus.tsx';
import { formatNumber, formatPercent } from '../../app/format.ts';
import { useLang, useLoad } from '../../app/hooks.ts';
import { Link, paths } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import type { StoredDocument } from '../../app/types.ts';
import { budgetSteps, readConstraints, readMeasureLimits, withConstraints, type PerYear, type PlanConstraints } from './constraints.ts';
import type { LoadedPlan } from './index.tsx';
import type { Name, PlanJobResult } from './model.ts';
import { FINISHED } from '../../app/jobs.ts';
import { useCore } from '../../app/engine.ts';
import { targetLabel } from '../../app/targets.ts';
import { PortfolioView } from './PortfolioView.tsx';
import type { JobState } from '../../app/useJob.ts';

interface TargetChoice {
  readonly id: string;
  readonly name: Name | null;
  /** The pathway file's `type` and year (`year`, or `by` for a peak), to name an unnamed target. */
  readonly kind?: string | undefined;
  readonly year?: number | undefined;
}

/** The pathway's targets, from the pathway document the plan names (by document name in the same city). */
async function pathwayTargets(plan: LoadedPlan, signal: AbortSignal): Promise<TargetChoice[]> {
  const reference = plan.version.body['pathway'];
  const documents = await all<StoredDocument>(`/api/entities/${encodeURIComponent(plan.entity.id)}/documents`, signal);
  const pathway = documents.find((document) => document.kind === 'pathway' && document.name === reference);
  if (!pathway) return [];
  const stored = await get<{ version: { body: Record<string, unknown> } }>(`/api/documents/${encodeURIComponent(pathway.id)}`, signal);
  const targets = stored.version.body['targets'];
  if (typeof targets !== 'object' || targets === null) return [];
  return Object.entries(targets as Record<string, { name?: Name; type?: unknown; year?: unknown; by?: unknown }>).map(([id, target]) => ({
    id,
    name: target.name ?? null,
    kind: typeof target.type === 'string' ? target.type : undefined,
    year: typeof target.year === 'number' ? target.year : typeof target.by === 'number' ? target.by : undefined,
  }));
}

/** The optimiser: the plan's constraints (editable by an editor, saved as a new version), run, progress, cancel, and the portfolio. */
export function OptimiserView({ plan, job, onSaved }: { plan: LoadedPlan; job: JobState<PlanJobResult>; onSaved: () => void }) {
  const { t } = useTranslation('plan');
  const lang = useLang();
  const { me, canEdit } = useSession();
  const editable = canEdit(plan.entity);
  const saved = useMemo(() => readConstraints(plan.version.body), [plan.version.body]);
  const limits = useMemo(() => readMeasureLimits(plan.version.body), [plan.version.body]);
  const [draft, setDraft] = useState<PlanConstraints>(saved);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const targets = useLoad((signal) => pathwayTargets(plan, signal), [plan.entity.id, plan.version.body]);
  const choices: TargetChoice[] = targets.data ?? saved.targets.map((id) => ({ id, name: null }));
  const core = useCore();
  const targetName = (choice: TargetChoice) => targetLabel(choice, core?.TARGET_KIND_NAMES ?? null, lang);

  // The budget's money unit in the reader's words (亿元 is "100 million CNY" in English); an unknown unit as the file spells it.
  const moneyUnit = (unit: string) => (['元', 'CNY', '万元', '亿元'].includes(unit) ? t(`money.units.${unit}`) : unit);
  const current = job.job;
  const running = current !== null && !FINISHED.has(current.status);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);

  const save = async () => {
    setSaving(true);
    setSaveError(null);
    try {
      const answer = await put<{ version: number }>(
        `/api/documents/${encodeURIComponent(plan.document.id)}`,
        { body: withConstraints(plan.version.body, draft), comment: lang === 'zh' ? '在网页中修改约束' : 'constraints changed in the web app' },
        // The version we read: a later save by someone else answers 412 and overwrites nothing.
        { 'if-match': `"${plan.version.version}"` },
      );
      // The API answers with the new version row.
      setSavedVersion(answer.data.version);
      onSaved();
    } catch (failure) {
      setSaveError(failure);
    } finally {
      setSaving(false);
    }
  };

  const setBudgetValue = (year: string | null, value: number) => {
    if (!draft.budget) return;
    const perYear: PerYear = year === null ? value : { ...(draft.budget.perYear as Record<string, number>), [year]: value };
    setDraft({ ...draft, budget: { ...draft.budget, perYear } });
  };

  return (
    <div className="optimiser">
      <h2>{t('optimiser.heading')}</h2>
      <p className="hint">{t('optimiser.intro')}</p>
      <div className="planner-columns">
        <form
          className="form constraints"
          aria-labelledby="constraints-heading"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <h3 id="constraints-heading">{t('optimiser.constraints', { version: plan.version.version })}</h3>
          <fieldset>
            <legend>{t('optimiser.targets')}</legend>
            {choices.length === 0 && <p className="hint">{t('optimiser.noTargets')}</p>}
            {choices.map((choice) => (
              <label key={choice.id} className="check">
                <input
                  type="checkbox"
                  checked={draft.targets.includes(choice.id)}
                  disabled={!editable}
                  onChange={(event) => setDraft({ ...draft, targets: event.target.checked ? [...draft.targets, choice.id] : draft.targets.filter((id) => id !== choice.id) })}
                />
                <span>{targetName(choice)}</span>
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('optimiser.budget')}</legend>
            {!draft.budget && <p className="hint">{t('optimiser.noBudget')}</p>}
            {draft.budget &&
              budgetSteps(draft.budget.perYear).map(([year, value]) => (
                <label key={year ?? 'every'}>
                  {year === null ? t('optimiser.budgetInput', { unit: moneyUnit(draft.budget!.unit) }) : t('optimiser.budgetYear', { year, unit: moneyUnit(draft.budget!.unit) })}
                  <input
                    type="number"
                    min={0}
                    step="any"
                    name={`budget-${year ?? 'every'}`}
                    value={Number.isFinite(value) ? value : ''}
                    readOnly={!editable}
                    aria-invalid={!(value >= 0)}
                    onChange={(event) => setBudgetValue(year, event.target.value === '' ? Number.NaN : Number(event.target.value))}
                  />
                </label>
              ))}
          </fieldset>
          {editable ? (
            <p>
              <button type="submit" className="primary" disabled={!dirty || saving} data-testid="save-constraints">{t('optimiser.save')}</button>
            </p>
          ) : (
            <p className="hint">{t('optimiser.readOnly')}</p>
          )}
          {savedVersion !== null && !dirty && <p className="notice notice-ok" role="status">{t('optimiser.saved', { version: savedVersion })}</p>}
          {saveError !== null && (
            <>
              {saveError instanceof ApiFailure && saveError.status === 412 && <p className="notice notice-error">{t('optimiser.conflict')}</p>}
              <ErrorNotice error={saveError} />
            </>
          )}
          <details className="measure-limits">
            <summary>{t('optimiser.measures')}</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('optimiser.measure')}</th>
                  <th scope="col">{t('optimiser.limits')}</th>
                  <th scope="col">{t('optimiser.yesNo')}</th>
                  <th scope="col">{t('optimiser.requires')}</th>
                  <th scope="col">{t('optimiser.excludes')}</th>
                </tr>
              </thead>
              <tbody>
                {limits.map((measure) => (
                  <tr key={measure.id}>
                    <td><code>{measure.id}</code></td>
                    <td>{`${measure.min ?? 0} – ${measure.max ?? formatPercent(1, lang, 0)}`}</td>
                    <td>{measure.yesNo ? t('optimiser.yesNoText') : t('common:state.none')}</td>
                    <td>{measure.requires.join(', ') || t('common:state.none')}</td>
                    <td>{measure.excludes.join(', ') || t('common:state.none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </form>
        <div className="run">
          {me ? (
            <p className="run-buttons">
              <button type="button" className="primary" disabled={running || job.busy || dirty} onClick={() => void job.start(plan.document.id)} data-testid="run-optimiser">{t('optimiser.run')}</button>
              {running && <button type="button" className="danger" onClick={() => void job.cancel()} data-testid="cancel-optimiser">{t('optimiser.cancel')}</button>}
            </p>
          ) : (
            <p className="hint"><Link to={paths.signIn(`${window.location.pathname}${window.location.search}`)}>{t('optimiser.signInToRun')}</Link></p>
          )}
          <JobStatus
            job={current}
            progress={job.progress}
            testId="job-state"
            progressTestId="job-progress"
            texts={{ state: (status) => t('optimiser.state', { status: t(`optimiser.status.${status}`) }), progress: t('optimiser.progress'), failed: (error) => t('optimiser.failed', { error }) }}
          >
            {current && <p className="hint">{t('optimiser.runOf', { id: current.id.slice(0, 8), version: formatNumber(current.version, lang) })}</p>}
          </JobStatus>
          {me && !current && <p className="hint">{t('optimiser.noRun')}</p>}
          {me && dirty && <p className="hint">{t('optimiser.unsaved')}</p>}
          {job.error !== null && <ErrorNotice error={job.error} />}
        </div>
      </div>
      {current?.status === 'done' && current.result && <PortfolioView result={current.result} />}
    </div>
  );
}
