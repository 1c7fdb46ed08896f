import { useT } from '../i18n/use-t'
import { usePageTitle } from '../ui/page-title'

/** The same help, reached from the foot of every page (WCAG 3.2.6). */
export function HelpPage() {
  const t = useT()
  usePageTitle(t('help.title'))
  return (
    <section className="narrow">
      <h1>{t('help.title')}</h1>
      <h2>{t('help.signInTitle')}</h2>
      <p>{t('help.signIn')}</p>
      <h2>{t('help.bookingTitle')}</h2>
      <p>{t('help.booking')}</p>
      <h2>{t('help.codesTitle')}</h2>
      <p>{t('help.codes')}</p>
      <h2>{t('help.contactTitle')}</h2>
      <p>{t('help.contact')}</p>
    </section>
  )
}
