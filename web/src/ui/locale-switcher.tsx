import {
  Button,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
} from 'react-aria-components'
import { useLocale } from '../i18n/locale-context'
import { LOCALES } from '../i18n/locales'
import { useT } from '../i18n/use-t'

/** The page's language, kept for the next visit. */
export function LocaleSwitcher() {
  const t = useT()
  const { locale, setLocale } = useLocale()
  return (
    <Select
      className="locale-switcher"
      selectedKey={locale.tag}
      onSelectionChange={(key) => {
        const chosen = LOCALES.find((candidate) => candidate.tag === key)
        if (chosen !== undefined) setLocale(chosen)
      }}
    >
      <Label className="visually-hidden">{t('layout.language')}</Label>
      <Button className="button quiet">
        <SelectValue />
        <span aria-hidden="true"> ▾</span>
      </Button>
      <Popover>
        <ListBox className="listbox">
          {LOCALES.map((option) => (
            <ListBoxItem
              key={option.tag}
              id={option.tag}
              lang={option.tag}
              className="listbox-item"
            >
              {option.name}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  )
}
