import { createContext, type ReactNode, useContext, useEffect, useState } from 'react'
import { I18nProvider } from 'react-aria-components'
import { IntlProvider } from 'react-intl'
import { formattingLocale, type Locale, type Messages, rememberLocale } from './locales'

interface LocaleChoice {
  readonly locale: Locale
  setLocale(locale: Locale): void
}

const LocaleContext = createContext<LocaleChoice | null>(null)

export function useLocale(): LocaleChoice {
  const choice = useContext(LocaleContext)
  if (choice === null) throw new Error('useLocale outside LocaleProvider')
  return choice
}

/** A language and its messages, loaded. */
export interface LoadedLocale {
  readonly locale: Locale
  readonly messages: Messages
}

/**
 * The reader's language for messages (react-intl) and widgets (react-aria),
 * and the page's lang and dir; starting from one already loaded, and
 * switching once the next one's messages are here.
 */
export function LocaleProvider({
  initial,
  children,
}: {
  initial: LoadedLocale
  children: ReactNode
}) {
  const [current, setCurrent] = useState(initial)
  const { locale, messages } = current
  useEffect(() => {
    document.documentElement.lang = locale.tag
    document.documentElement.dir = locale.direction
  }, [locale])
  return (
    <LocaleContext.Provider
      value={{
        locale,
        setLocale: (next) => {
          rememberLocale(next)
          void next.load().then((loaded) => setCurrent({ locale: next, messages: loaded }))
        },
      }}
    >
      <IntlProvider locale={formattingLocale(locale)} defaultLocale="en" messages={messages}>
        <I18nProvider locale={formattingLocale(locale)}>{children}</I18nProvider>
      </IntlProvider>
    </LocaleContext.Provider>
  )
}
