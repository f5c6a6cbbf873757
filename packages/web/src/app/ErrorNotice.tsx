import { useTranslation } from 'react-i18next';
import { ApiFailure } from './api.ts';
import { useLang } from './hooks.ts';

/**
 * An error as the user reads it: the API's message in their language and every issue with its path
 * (all problems at once), or the error's own message for anything else.
 */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  let message: string;
  let issues: { path: string; text: string }[] = [];
  if (error instanceof ApiFailure) {
    message = error.status === 404 ? t('error.notFound') : error.status === 403 ? t('error.forbidden') : error.bilingual[lang];
    issues = error.issues.map((issue) => ({ path: issue.path.join('.'), text: issue.message[lang] }));
  } else message = error instanceof Error ? error.message : String(error);
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{t('error.title')}</p>
      <p>{message}</p>
      {issues.length > 0 && (
        <>
          <p>{t('error.issues')}</p>
          <ul>{issues.map((issue, index) => <li key={index}>{issue.path && <code>{issue.path}</code>} {issue.text}</li>)}</ul>
        </>
      )}
      {onRetry && <button type="button" onClick={onRetry}>{t('error.retry')}</button>}
    </div>
  );
}

/** A loading line with a live region, so a screen reader hears it. */
export function Loading() {
  const { t } = useTranslation();
  return <p className="loading" role="status">{t('state.loading')}</p>;
}
