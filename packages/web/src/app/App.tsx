import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from './ErrorNotice.tsx';
import { Layout } from './Layout.tsx';
import { match, Router, useRouter } from './router.tsx';
import { SessionProvider } from './session.tsx';

// Every page loads on demand: the initial bundle holds the frame, the router, the session and the texts.
const SignIn = lazy(() => import('../pages/SignIn.tsx'));
const NetworkOverview = lazy(() => import('../pages/network/index.tsx'));
const CityDashboard = lazy(() => import('../pages/city/index.tsx'));
const InventoryEditor = lazy(() => import('../pages/inventory/index.tsx'));
const PathwayExplorer = lazy(() => import('../pages/pathway/index.tsx'));
const ActionPlanner = lazy(() => import('../pages/plan/index.tsx'));
const TrackingPage = lazy(() => import('../pages/tracking/index.tsx'));

/** The routes: a path pattern and the page it shows. */
const ROUTES: readonly { pattern: string; page: (params: Record<string, string>) => ReactNode }[] = [
  { pattern: '/', page: () => <NetworkOverview /> },
  { pattern: '/networks/:network', page: (p) => <NetworkOverview networkId={p['network']!} /> },
  { pattern: '/sign-in', page: () => <SignIn /> },
  { pattern: '/cities/:entity', page: (p) => <CityDashboard entityId={p['entity']!} /> },
  { pattern: '/cities/:entity/inventory/:document', page: (p) => <InventoryEditor entityId={p['entity']!} documentId={p['document']!} /> },
  { pattern: '/cities/:entity/pathway/:document', page: (p) => <PathwayExplorer entityId={p['entity']!} documentId={p['document']!} /> },
  { pattern: '/cities/:entity/plan/:document', page: (p) => <ActionPlanner entityId={p['entity']!} documentId={p['document']!} /> },
  { pattern: '/cities/:entity/tracking/:document', page: (p) => <TrackingPage entityId={p['entity']!} documentId={p['document']!} /> },
];

function NotFound() {
  const { t } = useTranslation();
  return <section><h1>{t('error.notFound')}</h1></section>;
}

function Page() {
  const { location } = useRouter();
  for (const route of ROUTES) {
    const params = match(route.pattern, location.path);
    // Keyed by the path: a new city or document starts the page afresh.
    if (params) return <Suspense key={location.path} fallback={<Loading />}>{route.page(params)}</Suspense>;
  }
  return <NotFound />;
}

export function App() {
  return (
    <Router>
      <SessionProvider>
        <Layout>
          <Page />
        </Layout>
      </SessionProvider>
    </Router>
  );
}
