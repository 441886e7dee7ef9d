/**
 * The page catalogues and the one function that reads them. Shared by the Next pages and the
 * fast lane's error page, so it imports nothing but its catalogues.
 */
import { de } from './messages/de';
import { en, type MessageKey, type Messages } from './messages/en';

export type { MessageKey, Messages } from './messages/en';
export { pickLocale } from './pick-locale';

const CATALOGUES: Readonly<Record<string, Messages>> = { en, de };

/** The languages the pages speak, English (the fallback) first. */
export const AVAILABLE_LOCALES: readonly string[] = Object.keys(CATALOGUES);

export type Translate = (key: MessageKey, values?: Record<string, string>) => string;

/**
 * A translator for `locale` (English for an unknown one); `{name}` placeholders are filled from
 * `values` and a missing value leaves the placeholder visible rather than failing the page.
 *
 * @example const t = translator('de'); t('login.heading') // 'Anmelden'
 */
export function translator(locale: string): Translate {
  const messages = CATALOGUES[locale] ?? en;
  return (key, values) =>
    messages[key].replace(
      /\{(\w+)\}/g,
      (placeholder, name: string) => values?.[name] ?? placeholder,
    );
}

/** Whether `key` names a message (for keys built from request data, like `scope.${name}`). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}
