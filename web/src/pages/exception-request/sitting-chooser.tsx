import { useIntl } from 'react-intl'
import { Link } from 'react-router'
import { useActing } from '../../acting/acting'
import type { RegistrationListItem } from '../../api/candidate'
import { $api } from '../../api/client'
import { useReader } from '../../i18n/reader'
import { useT } from '../../i18n/use-t'
import { formatOnClock } from '../../time/format'
import { ProblemMessage } from '../../ui/problem-message'

/**
 * The candidate's sittings an exception could be about, newest first, each
 * leading to the form filled in for it. Which ones is the API's decision when
 * the request is sent; this list only leaves out bookings still ahead or
 * cancelled, which no request could be about.
 */
export function SittingChooser({ candidateId }: { candidateId: string }) {
  const t = useT()
  const reader = useReader()
  const intl = useIntl()
  const acting = useActing()
  const query = $api.useQuery('get', '/v1/candidates/{id}/registrations', {
    params: { path: { id: candidateId }, query: { limit: 200 } },
  })
  if (query.isPending) return <p>{t('common.loading')}</p>
  if (query.error !== null) return <ProblemMessage error={query.error} />
  const sat = query.data.items.filter(begun).sort((a, b) => b.startsAt.localeCompare(a.startsAt))
  return (
    <section aria-labelledby="choose">
      <h2 id="choose">{t('exception.new.choose')}</h2>
      {sat.length === 0 ? (
        <p>{reader.t('exception.new.chooseNone')}</p>
      ) : (
        <ul className="plain-list">
          {sat.map((registration) => (
            <li key={registration.id}>
              <Link to={acting.newExceptionRequest(registration.id)}>
                {t('exception.new.chooseLine', {
                  exam: `${registration.exam.number} ${registration.exam.title}`,
                  when: formatOnClock(
                    intl.locale,
                    registration.startsAt,
                    registration.centre.timeZone,
                  ),
                  centre: registration.centre.name,
                })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function begun(registration: RegistrationListItem): boolean {
  return registration.status !== 'cancelled' && Date.parse(registration.startsAt) <= Date.now()
}
