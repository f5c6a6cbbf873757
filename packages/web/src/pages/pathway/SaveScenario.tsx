import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { put } from '../../app/api.ts';
import { ErrorNotice } from '../../app/ErrorNotice.tsx';
import type { DocumentVersion } from '../../app/types.ts';
import { withScenario } from './save.ts';
import type { SliderSpec } from './sliders.ts';
import type { Settings } from './state.ts';

const ID = /^[A-Za-z0-9_-]+$/;

/** Saves the user's settings as a named scenario: a new version of the document (If-Match: the version read). */
export function SaveScenario({ documentId, body, version, base, settings, sliders, existing, onSaved }: {
  documentId: string;
  body: Record<string, unknown>;
  version: number;
  base: string;
  settings: Settings;
  sliders: readonly SliderSpec[];
  existing: readonly string[];
  onSaved: (id: string, version: number) => void;
}) {
  const { t } = useTranslation('pathway');
  const idField = useId();
  const nameField = useId();
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    setError(null);
    if (!ID.test(id)) return setProblem(t('save.idInvalid'));
    if (existing.includes(id)) return setProblem(t('save.idTaken', { id }));
    if (name.trim() === '') return setProblem(t('save.nameRequired'));
    setProblem(null);
    setSaving(true);
    try {
      const saved = await put<DocumentVersion>(`/api/documents/${encodeURIComponent(documentId)}`, { body: withScenario(body, base, id, name.trim(), settings, sliders), comment: t('save.comment', { id }) }, { 'if-match': `"${version}"` });
      onSaved(id, saved.data.version);
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="form pw-save" onSubmit={(event) => { event.preventDefault(); void submit(); }} data-testid="save-form">
      <h3>{t('save.title')}</h3>
      <label htmlFor={idField}>{t('save.id')}</label>
      <input id={idField} name="scenario-id" value={id} onChange={(event) => setId(event.target.value)} autoComplete="off" aria-invalid={problem !== null} />
      <label htmlFor={nameField}>{t('save.name')}</label>
      <input id={nameField} name="scenario-name" value={name} onChange={(event) => setName(event.target.value)} autoComplete="off" />
      {problem && <p className="notice notice-error" role="alert">{problem}</p>}
      {error !== null && <ErrorNotice error={error} />}
      <button type="submit" className="primary" disabled={saving}>{t('save.submit')}</button>
    </form>
  );
}
