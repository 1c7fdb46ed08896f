import { ar } from './messages/ar'
import { de } from './messages/de'
import { en, type MessageId } from './messages/en'

export interface Locale {
  readonly tag: 'en' | 'de' | 'ar'
  /** The language's own name, as a reader looks for it in a list. */
  readonly name: string
  readonly direction: 'ltr' | 'rtl'
  readonly messages: Readonly<Record<MessageId, string>>
}

/** English and German are complete; Arabic covers the shell, to keep right-to-left honest. */
export const LOCALES: readonly Locale[] = [
  { tag: 'en', name: 'English', direction: 'ltr', messages: en },
  { tag: 'de', name: 'Deutsch', direction: 'ltr', messages: de },
  { tag: 'ar', name: 'العربية', direction: 'rtl', messages: { ...en, ...ar } },
]

const STORAGE_KEY = 'examdesk.locale'

/** The reader's choice if they made one here, else the first of their browser's languages we have. */
export function initialLocale(): Locale {
  const chosen = localStorage.getItem(STORAGE_KEY)
  const wanted = chosen === null ? navigator.languages : [chosen]
  for (const tag of wanted) {
    const found = LOCALES.find((locale) => locale.tag === tag.slice(0, 2).toLowerCase())
    if (found !== undefined) return found
  }
  return LOCALES[0]!
}

/**
 * The locale dates, numbers and money are written in: the reader's own
 * variant of the chosen language when the browser names one (en-GB writes
 * 14 September, en-US September 14), else the language itself.
 */
export function formattingLocale(locale: Locale): string {
  return navigator.languages.find((tag) => tag.toLowerCase().startsWith(locale.tag)) ?? locale.tag
}

export function rememberLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale.tag)
}
