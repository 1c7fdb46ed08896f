import { Link } from 'react-router'
import type { Candidate } from '../../../api/candidate'
import { useT } from '../../../i18n/use-t'

/** Whom the page acts for, said before anything else on it, with the way back to their page. */
export function ActingBanner({ candidate }: { candidate: Candidate }) {
  const t = useT()
  return (
    <p className="acting-banner">
      <Link to={`/console/candidates/${encodeURIComponent(candidate.id)}`}>
        {t('console.act.for', {
          name: `${candidate.firstName} ${candidate.lastName}`,
          id: candidate.id,
        })}
      </Link>{' '}
      <span className="secondary">{t('console.act.forZone', { zone: candidate.timeZone })}</span>
    </p>
  )
}
