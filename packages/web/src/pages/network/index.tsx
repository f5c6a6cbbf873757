import { useTranslation } from 'react-i18next';

/** The network overview (placeholder until its page lands). */
export default function NetworkOverview({ networkId }: { networkId?: string }) {
  const { t } = useTranslation('network');
  return <section><h1>{t('title')}</h1><p>{networkId}</p></section>;
}
