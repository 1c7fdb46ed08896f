import { Link } from 'react-router'
import { useT } from '../i18n/use-t'
import { usePageTitle } from '../ui/page-title'

export function NotFoundPage() {
  const t = useT()
  usePageTitle(t('notFound.title'))
  return (
    <section className="narrow">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('layout.home')}</Link>
      </p>
    </section>
  )
}
