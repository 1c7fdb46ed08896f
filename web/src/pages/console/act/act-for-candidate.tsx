import { Link } from 'react-router'
import { useT } from '../../../i18n/use-t'

/**
 * What support can do for a candidate on the line, each leading to a page
 * that acts for them by name, with the channel and the reason they are shown.
 */
export function ActForCandidate({ candidateId }: { candidateId: string }) {
  const t = useT()
  const base = `/console/candidates/${encodeURIComponent(candidateId)}`
  return (
    <section aria-labelledby="act-for-candidate" className="page-section act-for-candidate">
      <h2 id="act-for-candidate">{t('console.act.title')}</h2>
      <p className="secondary">{t('console.act.intro')}</p>
      <ul className="act-links">
        <li>
          <Link to={`${base}/book`}>{t('console.act.book')}</Link>
        </li>
        <li>
          <Link to={`${base}/offers`}>{t('console.act.enrol')}</Link>
        </li>
        <li>
          <Link to={`${base}/exception-request`}>{t('console.act.exception')}</Link>
        </li>
      </ul>
    </section>
  )
}
