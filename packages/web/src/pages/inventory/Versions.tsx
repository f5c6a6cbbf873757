import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { all, get, request } from '../../app/api.ts';
import { ErrorNotice, Loading } from '../../app/ErrorNotice.tsx';
import { formatTonnes } from '../../app/format.ts';
import { useLang, useLoad } from '../../app/hooks.ts';
import type { DocumentVersion } from '../../app/types.ts';
import type { Core } from './core.ts';

type VersionRow = Omit<DocumentVersion, 'body'>;

interface Change { readonly before: number; readonly after: number; readonly change: number }
export interface VersionDiff {
  readonly from: number;
  readonly to: number;
  readonly lines: readonly ({ kind: 'added' | 'removed'; path: string; value: unknown } | { kind: 'changed'; path: string; old: unknown; new: unknown })[];
  readonly result: null | {
    readonly totals: Readonly<Record<string, Change>>;
    readonly bySector: readonly { sector: string; basic: Change; basicPlus: Change }[];
    readonly topLines: readonly (Change & { key: string; gpc: string })[];
  };
}

interface Props {
  readonly core: Core;
  readonly documentId: string;
  readonly current: number;
  readonly canEdit: boolean;
  readonly dirty: boolean;
  onRestored(version: DocumentVersion): void;
}

/** The document's history: every version, the differences between two, and restoring an old one (after a confirmation). */
export function Versions({ core, documentId, current, canEdit, dirty, onRestored }: Props) {
  const { t } = useTranslation('inventory');
  const lang = useLang();
  const id = encodeURIComponent(documentId);
  const versions = useLoad((signal) => all<VersionRow>(`/api/documents/${id}/versions`, signal), [id, current]);
  const [from, setFrom] = useState(Math.max(1, current - 1));
  const [to, setTo] = useState(current);
  const [diff, setDiff] = useState<{ data?: VersionDiff; error?: unknown } | null>(null);
  const [confirm, setConfirm] = useState<number | null>(null);
  const [restoreError, setRestoreError] = useState<unknown>(null);
  const [restored, setRestored] = useState<{ version: number; new: number } | null>(null);

  const compare = async () => {
    setDiff(null);
    try {
      setDiff({ data: await get<VersionDiff>(`/api/documents/${id}/diff?from=${from}&to=${to}`) });
    } catch (error) {
      setDiff({ error });
    }
  };

  const restore = async (version: number) => {
    setRestoreError(null);
    try {
      const answer = await request<DocumentVersion>(`/api/documents/${id}/restore`, { method: 'POST', body: { version, comment: `restored version ${version} / 恢复第 ${version} 版` }, headers: { 'if-match': `"${current}"` } });
      setConfirm(null);
      setRestored({ version, new: answer.data.version });
      onRestored(answer.data);
    } catch (error) {
      setRestoreError(error);
    }
  };

  if (versions.error) return <ErrorNotice error={versions.error} onRetry={versions.reload} />;
  if (!versions.data) return <Loading />;
  const numbers = versions.data.map((version) => version.version);
  const when = (iso: string) => new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');

  return (
    <section aria-labelledby="versions-heading" className="versions">
      <h2 id="versions-heading">{t('versions.heading')}</h2>
      {restored && <p className="notice notice-ok" role="status">{t('versions.restored', restored)}</p>}
      {canEdit && dirty && <p className="hint">{t('versions.unsavedFirst')}</p>}
      <table data-testid="version-list">
        <thead>
          <tr>
            <th scope="col">{t('versions.version')}</th>
            <th scope="col">{t('versions.when')}</th>
            <th scope="col">{t('versions.comment')}</th>
            {canEdit && <th scope="col">{t('versions.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {versions.data.map((version) => (
            <tr key={version.version}>
              <td className="num">{version.version}{version.version === current && <> <span className="badge badge-ok">{t('versions.current')}</span></>}</td>
              <td>{when(version.createdAt)}</td>
              <td>{version.comment}</td>
              {canEdit && (
                <td>
                  {version.version !== current && (confirm === version.version ? (
                    <span className="restore-confirm" role="alert">
                      {t('versions.restoreConfirm', { version: version.version })}{' '}
                      <button type="button" className="danger" onClick={() => void restore(version.version)}>{t('versions.restoreYes', { version: version.version })}</button>{' '}
                      <button type="button" onClick={() => setConfirm(null)}>{t('versions.cancel')}</button>
                    </span>
                  ) : (
                    <button type="button" disabled={dirty} onClick={() => setConfirm(version.version)} aria-label={`${t('versions.restore')} ${version.version}`}>{t('versions.restore')}</button>
                  ))}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {restoreError !== null && <ErrorNotice error={restoreError} />}
      <h3>{t('versions.compare')}</h3>
      <div className="compare form">
        <label htmlFor="diff-from">{t('versions.from')}</label>
        <select id="diff-from" value={from} onChange={(event) => setFrom(Number(event.target.value))}>{numbers.map((n) => <option key={n} value={n}>{n}</option>)}</select>
        <label htmlFor="diff-to">{t('versions.to')}</label>
        <select id="diff-to" value={to} onChange={(event) => setTo(Number(event.target.value))}>{numbers.map((n) => <option key={n} value={n}>{n}</option>)}</select>
        <button type="button" onClick={() => void compare()}>{t('versions.show')}</button>
      </div>
      {diff?.error !== undefined && <ErrorNotice error={diff.error} />}
      {diff?.data && <DiffView core={core} diff={diff.data} heading={t('diff.heading', { from: diff.data.from, to: diff.data.to })} />}
    </section>
  );
}

const shown = (value: unknown): string => (value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));

/** A diff by field and in the totals: shared by the version compare and the import preview. */
export function DiffView({ core, diff, heading }: { core: Core; diff: Pick<VersionDiff, 'lines' | 'result'>; heading: string }) {
  const { t } = useTranslation('inventory');
  const lang = useLang();
  const signed = (value: number) => `${value > 0 ? '+' : ''}${formatTonnes(value, lang)}`;
  return (
    <section className="diff" data-testid="diff" aria-label={heading}>
      <h3>{heading}</h3>
      {diff.lines.length === 0 && <p>{t('diff.none')}</p>}
      {diff.result === null ? <p className="hint">{t('diff.noResult')}</p> : (
        <table className="diff-totals">
          <thead>
            <tr>
              <th scope="col">{t('diff.total')}</th>
              <th scope="col">{t('diff.before')}</th>
              <th scope="col">{t('diff.after')}</th>
              <th scope="col">{t('diff.change')}</th>
            </tr>
          </thead>
          <tbody>
            {(['basic', 'basicPlus', 'scope1', 'scope2', 'scope3'] as const).map((name) => {
              const change = diff.result!.totals[name];
              return change ? (
                <tr key={name} data-total={name}>
                  <th scope="row">{t(`totals.${name}`)}</th>
                  <td className="num">{formatTonnes(change.before, lang)}</td>
                  <td className="num">{formatTonnes(change.after, lang)}</td>
                  <td className="num">{signed(change.change)}</td>
                </tr>
              ) : null;
            })}
            {diff.result.bySector.filter((sector) => sector.basicPlus.change !== 0).map((sector) => (
              <tr key={sector.sector}>
                <th scope="row">{sector.sector} {core.gpcName(sector.sector, lang) ?? ''} (BASIC+)</th>
                <td className="num">{formatTonnes(sector.basicPlus.before, lang)}</td>
                <td className="num">{formatTonnes(sector.basicPlus.after, lang)}</td>
                <td className="num">{signed(sector.basicPlus.change)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {diff.lines.length > 0 && (
        <>
          <h4>{t('diff.fields')}</h4>
          <table className="diff-fields">
            <thead>
              <tr>
                <th scope="col">{t('diff.field')}</th>
                <th scope="col">{t('diff.before')}</th>
                <th scope="col">{t('diff.after')}</th>
              </tr>
            </thead>
            <tbody>
              {diff.lines.slice(0, 200).map((line, index) => (
                <tr key={index}>
                  <td><code>{line.path}</code></td>
                  <td>{line.kind === 'changed' ? shown(line.old) : line.kind === 'removed' ? shown(line.value) : <span className="hint">{t('diff.added')}</span>}</td>
                  <td>{line.kind === 'changed' ? shown(line.new) : line.kind === 'added' ? shown(line.value) : <span className="hint">{t('diff.removed')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {diff.result && diff.result.topLines.length > 0 && (
        <>
          <h4>{t('diff.topLines')}</h4>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('diff.line')}</th>
                <th scope="col">{t('diff.before')}</th>
                <th scope="col">{t('diff.after')}</th>
                <th scope="col">{t('diff.change')}</th>
              </tr>
            </thead>
            <tbody>
              {diff.result.topLines.map((line) => (
                <tr key={line.key}>
                  <td>{line.key} <span className="hint">{core.gpcName(line.gpc, lang)}</span></td>
                  <td className="num">{formatTonnes(line.before, lang)}</td>
                  <td className="num">{formatTonnes(line.after, lang)}</td>
                  <td className="num">{signed(line.change)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
