import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import common from '../locales/common.ts';
import network from '../locales/network.ts';
import city from '../locales/city.ts';
import inventory from '../locales/inventory.ts';
import pathway from '../locales/pathway.ts';
import plan from '../locales/plan.ts';
import tracking from '../locales/tracking.ts';

export type Lang = 'zh' | 'en';

/** Each area of the app has its own namespace (locales/<area>.ts): one file per area, both languages. */
const NAMESPACES = { common, network, city, inventory, pathway, plan, tracking } as const;

const STORAGE_KEY = 'peakpath.lang';

/** The language the user chose with the switch, if any: it wins over every default. */
export function chosenLanguage(): Lang | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return stored === 'zh' || stored === 'en' ? stored : null;
  } catch {
    return null;
  }
}

/** Before any city is open: the user's choice, else the browser's language (Chinese for zh-*), else Chinese. */
function initialLanguage(): Lang {
  const query = new URLSearchParams(window.location.search).get('lang');
  if (query === 'zh' || query === 'en') return query;
  const chosen = chosenLanguage();
  if (chosen) return chosen;
  const browser = window.navigator.languages?.[0] ?? window.navigator.language ?? '';
  return browser === '' || browser.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function setLanguage(lang: Lang, remember: boolean): void {
  if (remember) {
    try {
      window.localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Private mode: the choice lasts this page only.
    }
  }
  void i18next.changeLanguage(lang);
}

/**
 * Chinese by default where the city is in China: when a city opens and the user has not chosen a
 * language, the app follows the city's country (CN → 中文), else the browser's language.
 */
export function followCity(country: string): void {
  if (chosenLanguage()) return;
  if (new URLSearchParams(window.location.search).get('lang')) return;
  const lang: Lang = country === 'CN' ? 'zh' : initialLanguage();
  if (i18next.language !== lang) void i18next.changeLanguage(lang);
}

export const currentLang = (): Lang => (i18next.language === 'en' ? 'en' : 'zh');

i18next.on('languageChanged', (lang) => {
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
});

void i18next.use(initReactI18next).init({
  lng: initialLanguage(),
  fallbackLng: false,
  ns: Object.keys(NAMESPACES),
  defaultNS: 'common',
  resources: {
    zh: Object.fromEntries(Object.entries(NAMESPACES).map(([ns, texts]) => [ns, texts.zh])),
    en: Object.fromEntries(Object.entries(NAMESPACES).map(([ns, texts]) => [ns, texts.en])),
  },
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18next.language === 'en' ? 'en' : 'zh-CN';

export default i18next;
