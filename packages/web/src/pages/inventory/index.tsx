import { useTranslation } from 'react-i18next';

/** Placeholder until the page lands. */
export default function InventoryEditor({ entityId, documentId }: { entityId: string; documentId: string }) {
  const { t } = useTranslation('inventory');
  return <section><h1>{t('title')}</h1><p>{[entityId, documentId].join(' ')}</p></section>;
}
