import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiFailure, get, put } from '../../app/api.ts';
import { ErrorNotice } from '../../app/ErrorNotice.tsx';
import { useLang } from '../../app/hooks.ts';
import type { DocumentVersion, StoredDocument } from '../../app/types.ts';

interface Props {
  readonly documentId: string;
  /** The version the draft was made from: sent as If-Match. */
  readonly base: number;
  readonly body: Record<string, unknown>;
  readonly dirty: boolean;
  readonly problems: number;
  onSaved(version: DocumentVersion): void;
  onDiscard(): void;
  /** Load the version someone else saved, dropping the draft (the user's explicit choice). */
  onLoadTheirs(): void;
}

/** Someone saved since the draft's version: who saved what, from the 412's `current`. */
interface Conflict {
  readonly theirs: number;
  readonly comment: string;
  readonly when: string;
}

/**
 * Saving the draft as a new version (PUT with If-Match). The server stores any JSON body, a draft with
 * problems too (its result then answers 422), so a draft with problems is saved only after the user says so.
 * A 412 never overwrites: it says which version came in between and lets the user choose.
 */
export function SavePanel({ documentId, base, body, dirty, problems, onSaved, onDiscard, onLoadTheirs }: Props) {
  const { t } = useTranslation('inventory');
  const lang = useLang();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [confirmDraft, setConfirmDraft] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);

  const save = async (over: number) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await put<DocumentVersion>(`/api/documents/${encodeURIComponent(documentId)}`, { body, comment }, { 'if-match': `"${over}"` });
      setConflict(null);
      setConfirmDraft(false);
      setComment('');
      setSaved(answer.data.version);
      onSaved(answer.data);
    } catch (failure) {
      if (failure instanceof ApiFailure && failure.status === 412) {
        const current = failure.current as StoredDocument | undefined;
        const theirs = current?.currentVersion ?? base + 1;
        const version = await get<Omit<DocumentVersion, 'body'>>(`/api/documents/${encodeURIComponent(documentId)}/versions/${theirs}`).catch(() => null);
        setConflict({ theirs, comment: version?.comment ?? '', when: version ? new Date(version.createdAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB') : '' });
      } else setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="save-panel" aria-labelledby="save-heading">
      <h2 id="save-heading">{t('save.heading')}</h2>
      <p className="hint" role="status">{dirty ? t('save.unsaved') : saved !== null ? t('save.saved', { version: saved }) : t('save.noChanges', { version: base })}</p>
      <div className="form">
        <label htmlFor="save-comment">{t('save.comment')}</label>
        <input id="save-comment" type="text" value={comment} onChange={(event) => setComment(event.target.value)} />
      </div>
      <div className="save-actions">
        <button type="button" className="primary" disabled={!dirty || busy || conflict !== null} onClick={() => (problems > 0 ? setConfirmDraft(true) : void save(base))}>
          {busy ? t('save.saving') : t('save.button')}
        </button>
        <button type="button" disabled={!dirty || busy} onClick={onDiscard}>{t('save.discard')}</button>
      </div>
      {confirmDraft && problems > 0 && (
        <div className="notice notice-warn" role="alert">
          <p>{t('save.withProblems')}</p>
          <button type="button" onClick={() => void save(base)}>{t('save.saveDraft')}</button>{' '}
          <button type="button" onClick={() => setConfirmDraft(false)}>{t('versions.cancel')}</button>
        </div>
      )}
      {conflict && (
        <div className="notice notice-error" role="alert" data-testid="save-conflict">
          <p className="notice-title">{t('save.conflictTitle')}</p>
          <p>{t('save.conflict', { theirs: conflict.theirs, mine: base, when: conflict.when, comment: conflict.comment })}</p>
          <button type="button" onClick={() => { setConflict(null); onLoadTheirs(); }}>{t('save.conflictReload', { theirs: conflict.theirs })}</button>{' '}
          <button type="button" onClick={() => void save(conflict.theirs)}>{t('save.conflictKeep', { theirs: conflict.theirs })}</button>
        </div>
      )}
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}
