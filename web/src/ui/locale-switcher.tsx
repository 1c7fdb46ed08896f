import { useId } from 'react'
import { useLocale } from '../i18n/locale-context'
import { LOCALES } from '../i18n/locales'
import { useT } from '../i18n/use-t'

/**
 * The page's language, kept for the next visit: the browser's own select,
 * which every reader, keyboard and screen reader already knows, and which
 * costs the page no script.
 */
export function LocaleSwitcher() {
  const t = useT()
  const id = useId()
  const { locale, setLocale } = useLocale()
  return (
    <span className="locale-switcher">
      <label htmlFor={id} className="visually-hidden">
        {t('layout.language')}
      </label>
      <select
        id={id}
        value={locale.tag}
        onChange={(event) => {
          const chosen = LOCALES.find((candidate) => candidate.tag === event.target.value)
          if (chosen !== undefined) setLocale(chosen)
        }}
      >
        {LOCALES.map((option) => (
          <option key={option.tag} value={option.tag} lang={option.tag}>
            {option.name}
          </option>
        ))}
      </select>
    </span>
  )
}
