import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Puts a chart's data on the clipboard as TSV. The data also appears in a read-only text box when the
 * browser refuses the clipboard (no permission, an http page), so it can always be copied by hand.
 */
export function CopyData({ tsv, testId }: { tsv: () => string; testId: string }) {
  const { t } = useTranslation('pathway');
  const [state, setState] = useState<{ status: 'idle' | 'copied' | 'fallback'; text: string }>({ status: 'idle', text: '' });
  const copy = async () => {
    const text = tsv();
    try {
      await navigator.clipboard.writeText(text);
      setState({ status: 'copied', text });
    } catch {
      setState({ status: 'fallback', text });
    }
  };
  return (
    <div className="pw-copy" data-testid={testId}>
      <button type="button" onClick={() => void copy()}>{t('copy.button')}</button>
      {state.status === 'copied' && <span role="status" className="hint"> {t('copy.copied')}</span>}
      {state.status === 'fallback' && <p role="status" className="hint">{t('copy.fallback')}</p>}
      {state.status !== 'idle' && (
        <label className="pw-copy-box">
          <span className="visually-hidden">{t('copy.label')}</span>
          <textarea readOnly rows={4} value={state.text} onFocus={(event) => event.currentTarget.select()} data-testid={`${testId}-text`} />
        </label>
      )}
    </div>
  );
}
