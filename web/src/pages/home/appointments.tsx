import { Link } from 'react-router'
import { UPCOMING } from '../../api/candidate'
import { $api } from '../../api/client'
import { useT } from '../../i18n/use-t'
import { AppointmentCard } from '../../ui/appointment-card'
import { QuerySection } from '../../ui/query-section'

export function Appointments({ candidateId }: { candidateId: string }) {
  const t = useT()
  const query = $api.useQuery('get', '/v1/candidates/{id}/registrations', {
    params: { path: { id: candidateId }, query: { limit: 200 } },
  })
  const upcoming = (query.data?.items ?? [])
    .filter((registration) => UPCOMING.has(registration.status))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
  return (
    <QuerySection
      id="appointments"
      title={t('home.appointments')}
      query={query}
      empty={upcoming.length === 0 ? t('home.noAppointments') : null}
    >
      <ul className="cards">
        {upcoming.map((registration) => (
          <li key={registration.id}>
            <AppointmentCard registration={registration} />
          </li>
        ))}
      </ul>
      <p>
        <Link to="/seats" className="button-link">
          {t('home.findSeat')}
        </Link>
      </p>
    </QuerySection>
  )
}
