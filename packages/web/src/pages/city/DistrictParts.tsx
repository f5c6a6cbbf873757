import { useTranslation } from 'react-i18next';
import { get } from '../../app/api.ts';
import { ErrorNotice, Loading } from '../../app/ErrorNotice.tsx';
import { formatTonnes } from '../../app/format.ts';
import { useLang, useLoad } from '../../app/hooks.ts';
import type { StoredDocument } from '../../app/types.ts';

type Text = { readonly en: string; readonly zh: string };

/** `GET /api/documents/:id/result` of a district document, as this section reads it (docs/districts.md). */
interface DistrictAnswer {
  readonly result: {
    readonly name: Text;
    readonly parts: readonly { readonly id: string; readonly kind?: 'district' | 'park' | 'community'; readonly entity: { readonly name: string; readonly nameZh: string | null } }[];
    readonly reconciliation: {
      readonly bases: readonly { readonly basis: string; readonly city: number; readonly byPart: Readonly<Record<string, number>>; readonly remainder: number; readonly remainderKind: 'stated' | 'computed'; readonly difference: number }[];
      readonly differences: readonly { readonly basis: string; readonly text: Text }[];
      readonly mismatches: readonly { readonly text: Text }[];
    };
    readonly assessments: readonly {
      readonly part: string;
      readonly climatePositive?: { readonly operational: { readonly total: number }; readonly net: number; readonly netWithoutCredits: number; readonly pass: boolean; readonly passWithoutCredits: boolean };
      readonly nearZero?: { readonly pass: boolean; readonly set: { readonly name: Text; readonly source: { readonly kind: 'published' | 'user-input' } } };
    }[];
  };
}

/**
 * A city's district files: the city against its parts on BASIC (each part, the remainder and whether it is stated
 * or computed), the differences and convention mismatches, and the verdicts of the parts assessed — from the API's
 * computation of each district document. Nothing when the city holds none.
 */
export function DistrictParts({ documents }: { documents: readonly StoredDocument[] }) {
  const { t } = useTranslation('city');
  const lang = useLang();
  const districts = documents.filter((document) => document.kind === 'district');
  const loaded = useLoad(
    (signal) => Promise.all(districts.map(async (document) => ({ document, answer: await get<DistrictAnswer>(`/api/documents/${encodeURIComponent(document.id)}/result`, signal) }))),
    [districts.map((document) => `${document.id}@${document.publishedVersion ?? document.currentVersion}`).join()],
  );
  if (districts.length === 0) return null;
  return (
    <section aria-labelledby="city-parts" className="city-parts">
      <h2 id="city-parts">{t('parts.heading')}</h2>
      <p className="hint">{t('parts.note')}</p>
      {loaded.error ? (
        <ErrorNotice error={loaded.error} onRetry={loaded.reload} />
      ) : !loaded.data ? (
        <Loading />
      ) : (
        loaded.data.map(({ document, answer }) => {
          const { result } = answer;
          const basic = result.reconciliation.bases.find((line) => line.basis === 'basic');
          return (
            <section key={document.id} data-testid={`district-${document.name}`} aria-label={result.name[lang]}>
              <h3>{result.name[lang]}</h3>
              {basic && (
                <table className="parts-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('parts.part')}</th>
                      <th scope="col">{t('parts.basic')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <tr data-row="city">
                      <th scope="row">{t('parts.city')}</th>
                      <td>{formatTonnes(basic.city, lang)}</td>
                    </tr>
                    {result.parts.map((part) => (
                      <tr key={part.id} data-row={part.id}>
                        <th scope="row">
                          {lang === 'zh' ? (part.entity.nameZh ?? part.entity.name) : part.entity.name}
                          {part.kind && <span className="badge">{t(`kind.${part.kind}`)}</span>}
                        </th>
                        <td>{formatTonnes(basic.byPart[part.id] ?? 0, lang)}</td>
                      </tr>
                    ))}
                    <tr data-row="remainder">
                      <th scope="row">{t(basic.remainderKind === 'stated' ? 'parts.remainderStated' : 'parts.remainderComputed')}</th>
                      <td>{formatTonnes(basic.remainder, lang)}</td>
                    </tr>
                  </tbody>
                </table>
              )}
              {result.reconciliation.differences.length === 0 ? (
                <p data-testid="parts-differences">{t('parts.noDifferences')}</p>
              ) : (
                <ul data-testid="parts-differences">
                  {result.reconciliation.differences.map((difference) => (
                    <li key={difference.basis}>{difference.text[lang]}</li>
                  ))}
                </ul>
              )}
              {result.reconciliation.mismatches.length === 0 ? (
                <p data-testid="parts-mismatches">{t('parts.noMismatches')}</p>
              ) : (
                <ul data-testid="parts-mismatches">
                  {result.reconciliation.mismatches.map((mismatch, index) => (
                    <li key={index}>{mismatch.text[lang]}</li>
                  ))}
                </ul>
              )}
              {result.assessments.map((assessment) => (
                <div key={assessment.part} data-testid={`assessment-${assessment.part}`}>
                  {assessment.climatePositive && (
                    <p data-verdict="climate-positive">
                      {t(assessment.climatePositive.pass ? (assessment.climatePositive.passWithoutCredits ? 'parts.climatePositive' : 'parts.climatePositiveWithCredits') : 'parts.notClimatePositive', {
                        part: assessment.part,
                        operational: formatTonnes(assessment.climatePositive.operational.total, lang),
                        net: formatTonnes(assessment.climatePositive.net, lang),
                      })}
                    </p>
                  )}
                  {assessment.nearZero && (
                    <p data-verdict="near-zero">
                      {t(assessment.nearZero.pass ? 'parts.nearZeroPass' : 'parts.nearZeroFail', { part: assessment.part, set: assessment.nearZero.set.name[lang] })}
                      {assessment.nearZero.set.source.kind === 'user-input' && <span className="badge">{t('parts.userInput')}</span>}
                    </p>
                  )}
                </div>
              ))}
            </section>
          );
        })
      )}
    </section>
  );
}
