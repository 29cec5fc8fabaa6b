import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { commandWords } from './command-labels';
import { en } from './en';
import { entryWords } from './entry-templates';
import { fi } from './fi';
import { RULE_MESSAGES } from './rule-messages';
import { sv } from './sv';

export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'polku.language';

/** `service_period.ended` → `{ service_period: { ended } }`: i18next's own key nesting. */
function rules(lang: Language): Record<string, Record<string, string>> {
  const tree: Record<string, Record<string, string>> = {};
  for (const [code, m] of Object.entries(RULE_MESSAGES)) {
    const [group, name] = code.split('.', 2);
    tree[group] ??= {};
    tree[group][name] = m[lang];
  }
  return tree;
}

function initialLanguage(): Language {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  return (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : 'fi';
}

export async function initI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: initialLanguage(),
    fallbackLng: 'fi',
    resources: {
      fi: { translation: fi, rules: rules('fi'), commands: commandWords('fi'), entries: entryWords('fi') },
      sv: { translation: sv, rules: rules('sv'), commands: commandWords('sv'), entries: entryWords('sv') },
      en: { translation: en, rules: rules('en'), commands: commandWords('en'), entries: entryWords('en') },
    },
    ns: ['translation', 'rules', 'commands', 'entries'],
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = i18next.language;
  document.title = i18next.t('app.title');
}

export async function switchLanguage(lang: Language): Promise<void> {
  window.localStorage.setItem(STORAGE_KEY, lang);
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
  document.title = i18next.t('app.title');
}

export { i18next };
