import { useTranslation } from 'react-i18next';

/** Placeholder until the page lands. */
export default function ActionPlanner({ entityId, documentId }: { entityId: string; documentId: string }) {
  const { t } = useTranslation('plan');
  return <section><h1>{t('title')}</h1><p>{[entityId, documentId].join(' ')}</p></section>;
}
