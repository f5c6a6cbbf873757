import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { setLanguage } from './i18n.ts';
import { Link, paths, useRouter } from './router.tsx';
import { useSession } from './session.tsx';

/** The frame of every page: skip link, header with navigation, language switch and session, the main region. */
export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { me, signOut } = useSession();
  const { location, navigate } = useRouter();
  const other = i18n.language === 'en' ? 'zh' : 'en';
  return (
    <>
      <a className="skip-link" href="#main">{t('skip')}</a>
      <header className="app-header">
        <Link to={paths.overview()} className="brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span className="brand-name">{t('brand')}</span>
          <span className="brand-tagline">{t('tagline')}</span>
        </Link>
        <nav aria-label={t('nav.main')} className="app-nav">
          <Link to={paths.overview()}>{t('nav.overview')}</Link>
        </nav>
        <div className="app-tools">
          <button type="button" className="lang-switch" data-testid="lang-switch" lang={other === 'zh' ? 'zh-CN' : 'en'} aria-label={`${t('language.label')}: ${t('language.switchTo')}`} onClick={() => setLanguage(other, true)}>
            {t('language.switchTo')}
          </button>
          {me ? (
            <>
              <span className="who" data-testid="signed-in-as">{t('session.signedInAs', { name: me.user.name || me.user.email })}</span>
              <button type="button" onClick={() => void signOut().then(() => navigate(paths.overview()))}>{t('session.signOut')}</button>
            </>
          ) : me === null ? (
            <Link className="button" to={paths.signIn(location.path === '/sign-in' ? undefined : location.path + (location.query.size ? `?${location.query}` : ''))}>{t('session.signIn')}</Link>
          ) : null}
        </div>
      </header>
      {me === null && <p className="public-banner" role="note">{t('session.publicView')}</p>}
      <main id="main" tabIndex={-1}>{children}</main>
    </>
  );
}
