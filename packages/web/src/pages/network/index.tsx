import { useTranslation } from 'react-i18next';
import { all, get } from '../../app/api.ts';
import { ErrorNotice, Loading } from '../../app/ErrorNotice.tsx';
import { entityName } from '../../app/format.ts';
import { useLang, useLoad } from '../../app/hooks.ts';
import { Link, paths } from '../../app/router.tsx';
import type { Entity, Network } from '../../app/types.ts';
import { BenchmarkTable } from './BenchmarkTable.tsx';
import { ClusterTotals } from './ClusterTotals.tsx';
import { MembersChart } from './MembersChart.tsx';
import type { CitySummary } from './summary.ts';
import './network.css';

/**
 * The network overview: the networks the user may read (`/`: the first opens, with a chooser when there
 * are several), then the chosen network's members in a chart and a sortable, exportable benchmarking table.
 */
export default function NetworkOverview({ networkId }: { networkId?: string }) {
  const { t } = useTranslation('network');
  const lang = useLang();
  const networks = useLoad((signal) => all<Network>('/api/networks', signal), []);
  if (networks.error) return <ErrorNotice error={networks.error} onRetry={networks.reload} />;
  if (!networks.data) return <Loading />;
  const list = networks.data;
  if (list.length === 0) return <section><h1>{t('title')}</h1><p className="missing">{t('noNetworks')}</p></section>;
  const chosen = networkId ? list.find((network) => network.id === networkId || network.slug === networkId) : list[0];
  return (
    <>
      {list.length > 1 && (
        <nav aria-label={t('choose')} className="network-chooser">
          <p className="hint">{t('chooseHint')}</p>
          <ul>
            {list.map((network) => (
              <li key={network.id}>
                <Link to={paths.overview(network.id)} aria-current={network.id === chosen?.id ? 'page' : undefined}>{entityName(network, lang)}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {chosen ? <NetworkView key={chosen.id} network={chosen} /> : <ErrorNotice error={new Error(t('noNetworks'))} />}
    </>
  );
}

/** One network: every member's summary (one request per member; the server caches each by version). */
function NetworkView({ network }: { network: Network }) {
  const { t } = useTranslation('network');
  const lang = useLang();
  const members = useLoad(async (signal) => {
    const entities = await all<Entity>(`/api/networks/${encodeURIComponent(network.id)}/members`, signal);
    return Promise.all(entities.map((entity) => get<CitySummary>(`/api/entities/${encodeURIComponent(entity.id)}/summary`, signal)));
  }, [network.id]);
  const name = entityName(network, lang);
  return (
    <section className="network-overview">
      <h1>{name}</h1>
      {members.error ? (
        <ErrorNotice error={members.error} onRetry={members.reload} />
      ) : !members.data ? (
        <Loading />
      ) : (
        <>
          <p className="hint">{t('members', { count: members.data.length })}</p>
          <h2>{t('chart.heading')}</h2>
          <MembersChart summaries={members.data} />
          <h2>{t('table.heading')}</h2>
          <BenchmarkTable summaries={members.data} networkName={name} fileStem={network.slug} />
          <ClusterTotals clusters={members.data.map((summary) => summary.entity).filter((entity) => entity.kind === 'cluster')} />
        </>
      )}
    </section>
  );
}
