import { en, type MessageId } from './messages/en'

/** A language's messages, by id. */
export type Messages = Readonly<Record<MessageId, string>>

export interface Locale {
  readonly tag: 'en' | 'de' | 'ar'
  /** The language's own name, as a reader looks for it in a list. */
  readonly name: string
  readonly direction: 'ltr' | 'rtl'
  /**
   * Its messages. Only English comes with the app's first script; another
   * language is a file of its own, fetched for the reader who reads it (the
   * build writes each as plain data: see web/vite.config.ts).
   */
  load(): Promise<Messages>
}

/** English and German are complete; Arabic covers the shell, to keep right-to-left honest. */
export const LOCALES: readonly Locale[] = [
  { tag: 'en', name: 'English', direction: 'ltr', load: async () => en },
  {
    tag: 'de',
    name: 'Deutsch',
    direction: 'ltr',
    load: () => import('./messages/de').then((module) => module.de),
  },
  {
    tag: 'ar',
    name: 'العربية',
    direction: 'rtl',
    load: () => import('./messages/ar').then((module) => ({ ...en, ...module.ar })),
  },
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
