import { useTranslation } from 'react-i18next';

/** Placeholder until the page lands. */
export default function CityDashboard({ entityId }: { entityId: string }) {
  const { t } = useTranslation('city');
  return <section><h1>{t('title')}</h1><p>{[entityId].join(' ')}</p></section>;
}
