import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from './de.json';
import en from './en.json';

/** Every text of the desk, German first: the newsroom's language. */
export type Catalogue = typeof de;
// Both catalogues have the same keys: each must be assignable to the other's type.
const english: Catalogue = en;
const german: typeof en = de;

export type Language = 'de' | 'en';

/** English when the browser's first language is English; German for everyone else. */
export function languageFor(preferred: readonly string[]): Language {
  return preferred[0]?.toLowerCase().startsWith('en') ? 'en' : 'de';
}

/** The locale that dates and numbers are written in: English readers get day-month order and 24 hours too. */
export const FORMAT_LOCALE: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

const language = languageFor(
  navigator.languages.length ? navigator.languages : [navigator.language],
);

void i18n.use(initReactI18next).init({
  resources: { de: { translation: german }, en: { translation: english } },
  lng: language,
  fallbackLng: 'de',
  initAsync: false,
  interpolation: { escapeValue: false },
});
document.documentElement.lang = language;

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'de';
}

export default i18n;
