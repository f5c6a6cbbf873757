import type { InventoryJson } from '@peakpath/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiFailure, request } from '../../app/api.ts';
import { ErrorNotice } from '../../app/ErrorNotice.tsx';
import { useLang } from '../../app/hooks.ts';
import type { DocumentVersion, StoredDocument } from '../../app/types.ts';
import type { Core } from './core.ts';
import { DiffView, type VersionDiff } from './Versions.tsx';

/** The server's cap on an upload (docs/import-export.md, 10 MiB): checked here too, before anything is sent. */
const MAX_BYTES = 10 * 1024 * 1024;
const MB = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** The dry run's answer (`POST /api/entities/:id/import?dryRun=true`, docs/import-export.md). */
interface ImportPreview extends Pick<VersionDiff, 'lines' | 'result'> {
  readonly dryRun: true;
  readonly version: number | null;
  readonly linesRead: number;
  readonly mapping: readonly { column: string; header: string; field: string | null; en: string | null; zh: string | null }[];
  readonly totals: InventoryJson['totals'];
}

interface Props {
  readonly core: Core;
  readonly document: StoredDocument;
  readonly entityId: string;
  readonly version: number;
  readonly canEdit: boolean;
  readonly dirty: boolean;
  onImported(version: DocumentVersion): void;
}

/**
 * Export as XLSX or CSV; import a lines table in two steps: a dry run shows the header mapping, the lines
 * read, the problems by cell, and the totals before and after; only "approve" writes (with If-Match on the
 * version the preview was computed against, so a save in between is a 412, not an overwrite).
 */
export function Tables({ core, document, entityId, version, canEdit, dirty, onImported }: Props) {
  const { t } = useTranslation('inventory');
  const lang = useLang();
  const [file, setFile] = useState<{ bytes: ArrayBuffer; format: 'xlsx' | 'csv'; name: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const exportUrl = (format: 'xlsx' | 'csv', lang: 'zh' | 'en') => `/api/documents/${encodeURIComponent(document.id)}/export?format=${format}&lang=${lang}&version=${version}`;
  const importUrl = (format: string, dryRun: boolean) => `/api/entities/${encodeURIComponent(entityId)}/import?name=${encodeURIComponent(document.name)}&format=${format}${dryRun ? '&dryRun=true' : ''}`;

  const choose = async (chosen: File | undefined) => {
    setPreview(null);
    setError(null);
    setDone(null);
    setFile(null);
    if (!chosen) return;
    if (chosen.size > MAX_BYTES) {
      setError(new Error(t('tables.tooLarge', { size: MB(chosen.size), max: MB(MAX_BYTES) })));
      return;
    }
    const format = chosen.name.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
    setBusy(true);
    try {
      const bytes = await chosen.arrayBuffer();
      const answer = await request<ImportPreview>(importUrl(format, true), { method: 'POST', raw: { bytes, type: 'application/octet-stream' } });
      setFile({ bytes, format, name: chosen.name });
      setPreview(answer.data);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const approve = async () => {
    if (!file || !preview) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await request<{ version: DocumentVersion }>(importUrl(file.format, false), { method: 'POST', raw: { bytes: file.bytes, type: 'application/octet-stream' }, headers: { 'if-match': `"${preview.version ?? version}"` } });
      setPreview(null);
      setFile(null);
      setDone(answer.data.version.version);
      onImported(answer.data.version);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="tables">
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">{t('tables.exportHeading')}</h2>
        <p className="hint">{t('tables.exportHint')}</p>
        <p className="export-links">
          <a className="button" href={exportUrl('xlsx', 'zh')} download data-testid="export-xlsx-zh">{t('tables.xlsxZh')}</a>{' '}
          <a className="button" href={exportUrl('xlsx', 'en')} download>{t('tables.xlsxEn')}</a>{' '}
          <a className="button" href={exportUrl('csv', 'zh')} download>{t('tables.csvZh')}</a>
        </p>
      </section>
      {canEdit && (
        <section aria-labelledby="import-heading">
          <h2 id="import-heading">{t('tables.importHeading')}</h2>
          <p className="hint">{t('tables.importHint', { max: MB(MAX_BYTES) })}</p>
          {dirty ? <p className="notice notice-error">{t('tables.unsavedFirst')}</p> : (
            <div className="form">
              <label htmlFor="import-file">{t('tables.file')}</label>
              <input id="import-file" type="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(event) => void choose(event.target.files?.[0])} disabled={busy} />
            </div>
          )}
          {busy && <p role="status">{t('tables.reading')}</p>}
          {done !== null && <p className="notice notice-ok" role="status">{t('tables.approved', { version: done })}</p>}
          {error !== null && <ImportProblems error={error} />}
          {preview && (
            <section className="import-preview" data-testid="import-preview" aria-labelledby="preview-heading">
              <h3 id="preview-heading">{t('tables.previewHeading')}</h3>
              <p>{t('tables.linesRead', { count: preview.linesRead })}</p>
              <h4>{t('tables.mapping')}</h4>
              <table className="mapping">
                <thead>
                  <tr>
                    <th scope="col">{t('tables.column')}</th>
                    <th scope="col">{t('tables.header')}</th>
                    <th scope="col">{t('tables.field')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.mapping.map((entry) => (
                    <tr key={entry.column}>
                      <td>{entry.column}</td>
                      <td>{entry.header}</td>
                      <td>{entry.field === null ? <span className="hint">{t('tables.unknownField')}</span> : <><code>{entry.field}</code> {lang === 'zh' ? entry.zh : ''}</>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {preview.lines.length === 0 ? <p>{t('tables.noChanges', { version: preview.version ?? version })}</p> : <DiffView core={core} diff={preview} heading={t('tables.changes')} />}
              <div className="save-actions">
                <button type="button" className="primary" onClick={() => void approve()} disabled={busy}>{t('tables.approve')}</button>
                <button type="button" onClick={() => { setPreview(null); setFile(null); }}>{t('tables.cancel')}</button>
              </div>
            </section>
          )}
        </section>
      )}
    </div>
  );
}

/**
 * A refused upload: the problems of a table by cell (sheet!A1 and header, as the server names them), in the
 * user's language; anything else (too large a file, a refused write) as any error.
 */
function ImportProblems({ error }: { error: unknown }) {
  const { t } = useTranslation('inventory');
  const lang = useLang();
  const cells = error instanceof ApiFailure ? error.issues.filter((issue) => typeof issue['cell'] === 'string') : [];
  if (!(error instanceof ApiFailure) || cells.length === 0) return <ErrorNotice error={error} />;
  return (
    <div className="notice notice-error" role="alert" data-testid="import-problems">
      <p className="notice-title">{t('tables.problems')}</p>
      <p>{error.bilingual[lang]}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('tables.cell')}</th>
            <th scope="col">{t('tables.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {cells.map((issue, index) => (
            <tr key={index}>
              <td><code>{String(issue['cell'])}</code></td>
              <td>{issue.message[lang]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
