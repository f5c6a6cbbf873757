import { useTranslation } from 'react-i18next';
import { Link, paths } from '../../app/router.tsx';
import type { DocumentKind, Entity, StoredDocument } from '../../app/types.ts';

/**
 * The kinds with a page of their own; a cluster document has none yet (the network overview shows its aggregation),
 * nor a district file (its result is in the API: GET /api/documents/:id/result).
 */
type PageKind = Exclude<DocumentKind, 'cluster' | 'district'>;
const ORDER: readonly PageKind[] = ['inventory', 'pathway', 'plan', 'tracking'];
const withPage = (document: StoredDocument): document is StoredDocument & { kind: PageKind } => document.kind !== 'cluster' && document.kind !== 'district';
/** The kinds whose page edits the document; the tracking page reads and judges it (edited as a file or through the API). */
const EDITED_IN_PAGE: ReadonlySet<DocumentKind> = new Set(['inventory', 'pathway', 'plan']);

/**
 * The place's documents, each opening its page: "Edit" for whom the server lets edit (the session's
 * `canEdit`, which mirrors the server's rule), "View" otherwise — the public sees published ones only.
 */
export function DocumentLinks({ entity, documents, editable }: { entity: Entity; documents: readonly StoredDocument[]; editable: boolean }) {
  const { t } = useTranslation('city');
  const sorted = documents.filter(withPage).sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || a.name.localeCompare(b.name));
  return (
    <section aria-labelledby="city-documents" className="city-documents">
      <h2 id="city-documents">{t('documents.heading')}</h2>
      {!editable && <p className="hint">{t('documents.readOnly')}</p>}
      {sorted.length === 0 ? (
        <p className="missing">{t('documents.none')}</p>
      ) : (
        <ul>
          {sorted.map((document) => {
            const edit = editable && EDITED_IN_PAGE.has(document.kind);
            return (
              <li key={document.id}>
                <span className="document-kind">{t(`documents.${document.kind}`)}</span>
                <span className="document-name">{t('documents.quoted', { name: document.name })}</span>
                <span className="hint">{document.publishedVersion === null ? t('documents.unpublished') : t('documents.published', { version: document.publishedVersion })}</span>
                <Link
                  className={edit ? 'button primary' : 'button'}
                  to={paths[document.kind](entity.id, document.id)}
                  data-testid="document-link"
                  data-mode={edit ? 'edit' : 'view'}
                  aria-label={`${t(edit ? 'documents.edit' : 'documents.view')}: ${t(`documents.${document.kind}`)} ${t('documents.quoted', { name: document.name })}`}
                >
                  {t(edit ? 'documents.edit' : 'documents.view')}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
