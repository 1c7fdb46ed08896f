import { createContext, type ReactNode, useContext, useEffect, useState } from 'react'
import { I18nProvider } from 'react-aria-components'
import { IntlProvider } from 'react-intl'
import { formattingLocale, initialLocale, type Locale, rememberLocale } from './locales'

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

/** The reader's language for messages (react-intl) and widgets (react-aria), and the page's lang and dir. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState(initialLocale)
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
          setLocale(next)
        },
      }}
    >
      <IntlProvider locale={formattingLocale(locale)} defaultLocale="en" messages={locale.messages}>
        <I18nProvider locale={formattingLocale(locale)}>{children}</I18nProvider>
      </IntlProvider>
    </LocaleContext.Provider>
  )
}
