import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../app/hooks.ts';
import { issuePath, issueText, type ClusterPathwaysError } from './cluster-model.ts';

/**
 * Why a cluster's pathways cannot run (`result.pathways.error`): the API's message and each problem at its place in
 * the cluster's documents, in the page's language. Not an error notice for the block: the aggregation above stands.
 */
export function ClusterProblems({ error }: { error: ClusterPathwaysError }) {
  const { t } = useTranslation('network');
  const lang = useLang();
  const introId = useId();
  return (
    <div className="cluster-problems" data-testid="cluster-pathway-problems" data-code={error.code}>
      <h4>{t('clusters.problems.heading')}</h4>
      <p id={introId}>{t('clusters.problems.intro', { message: error.message[lang] })}</p>
      {error.issues.length > 0 && (
        <ul aria-labelledby={introId}>
          {error.issues.map((issue, index) => (
            <li key={index} data-testid="cluster-pathway-problem" data-code={issue.code}>
              <code data-part="path">{issuePath(issue)}</code> <span data-part="message">{issueText(issue, lang)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
