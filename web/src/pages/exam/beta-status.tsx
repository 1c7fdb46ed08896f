import type { ReactNode } from 'react'
import { useIntl } from 'react-intl'
import { Link } from 'react-router'
import type { Candidate, Eligibility, Exam } from '../../api/candidate'
import { $api, Problem } from '../../api/client'
import { regionNames } from '../../i18n/formatters'
import { useT } from '../../i18n/use-t'
import { formatDay } from '../../time/format'
import { ProblemMessage } from '../../ui/problem-message'
import { QuerySection } from '../../ui/query-section'

/**
 * A beta exam's terms as the candidate needs them before choosing a seat:
 * its period, seats left, who may register, the countries it is not offered
 * in (theirs said in words), when results come, and where they stand:
 * invited, by which wave, on the roster, registered.
 */
export function BetaStatus(props: {
  readonly exam: Exam
  readonly candidate: Candidate
  readonly eligibility: Eligibility | undefined
}) {
  const t = useT()
  const intl = useIntl()
  const { exam, candidate } = props
  const zone = candidate.timeZone
  const day = (instant: string) => formatDay(intl.locale, instant, zone)
  const programme = $api.useQuery('get', '/v1/exams/{number}/beta-programme', {
    params: { path: { number: exam.number } },
  })
  // An exam without a programme is a beta all the same: its period still holds.
  const noProgramme = programme.error instanceof Problem && programme.error.status === 404
  const terms = programme.data
  return (
    <QuerySection
      id="beta"
      title={t('exam.beta')}
      query={{ isPending: programme.isPending, error: noProgramme ? null : programme.error }}
      empty={noProgramme ? t('exam.beta.noProgramme') : null}
    >
      {!programme.isPending && (
        <dl className="facts">
          {exam.betaPeriod !== null && (
            <>
              <dt>{t('exam.beta.period')}</dt>
              <dd>
                {t('exam.beta.periodValue', {
                  start: day(exam.betaPeriod.start),
                  end: day(exam.betaPeriod.end),
                })}
              </dd>
            </>
          )}
          {exam.betaOf !== null && (
            <>
              <dt>{t('exam.beta.live')}</dt>
              <dd>
                <Link to={`/exams/${exam.betaOf}`}>{exam.betaOf}</Link>
              </dd>
            </>
          )}
          {terms !== undefined && (
            <>
              <dt>{t('exam.beta.seats')}</dt>
              <dd>
                {t('exam.beta.seatsValue', { left: terms.seatsLeft, limit: terms.seatLimit })}
              </dd>
              <dt>{t('exam.beta.who')}</dt>
              <dd>{t(terms.acceptsNewCandidates ? 'exam.beta.open' : 'exam.beta.closed')}</dd>
              <dt>{t('exam.beta.restricted')}</dt>
              <dd>
                <Restrictions
                  countries={terms.restrictedCountries}
                  own={candidate.country}
                  // The API says REGION_RESTRICTED before any other refusal of the programme.
                  ownRestricted={props.eligibility?.code === 'REGION_RESTRICTED'}
                  known={props.eligibility !== undefined}
                />
              </dd>
              <dt>{t('exam.beta.results')}</dt>
              <dd>
                {terms.resultsReleasedAt === null
                  ? t('exam.beta.resultsDue', { day: day(terms.resultsReleaseAt) })
                  : t('exam.beta.resultsReleased', { day: day(terms.resultsReleasedAt) })}
              </dd>
              <dt>{t('exam.beta.you')}</dt>
              <dd>
                <Standing exam={exam} candidate={candidate} closed={!terms.acceptsNewCandidates} />
              </dd>
            </>
          )}
        </dl>
      )}
    </QuerySection>
  )
}

function Restrictions(props: {
  countries: readonly string[]
  own: string
  ownRestricted: boolean
  known: boolean
}) {
  const t = useT()
  const intl = useIntl()
  const name = (code: string) => regionNames(intl.locale).of(code) ?? code
  if (props.countries.length === 0) return <>{t('exam.beta.restrictedNone')}</>
  const list = new Intl.ListFormat(intl.locale, { type: 'conjunction' }).format(
    props.countries.map(name),
  )
  return (
    <>
      {list}
      {props.known && (
        <>
          {'. '}
          <span className={props.ownRestricted ? 'attention' : undefined}>
            {t(
              props.ownRestricted
                ? 'exam.beta.yourCountryRestricted'
                : 'exam.beta.yourCountryOffered',
              { country: name(props.own) },
            )}
          </span>
        </>
      )}
    </>
  )
}

/** Where the candidate stands: their mailed invitation, a wave still to open, the roster, their booking. */
function Standing(props: { exam: Exam; candidate: Candidate; closed: boolean }) {
  const t = useT()
  const intl = useIntl()
  const { exam, candidate } = props
  const standing = $api.useQuery('get', '/v1/candidates/{id}/beta-standing', {
    params: { path: { id: candidate.id }, query: { exam: exam.number } },
  })
  const invitations = $api.useQuery('get', '/v1/candidates/{id}/beta-invitations', {
    params: { path: { id: candidate.id } },
  })
  if (standing.isPending || invitations.isPending) return <>{t('common.loading')}</>
  if (standing.error !== null || invitations.error !== null)
    return <ProblemMessage error={standing.error ?? invitations.error} />
  const own = standing.data
  const invitation = invitations.data.items.find((item) => item.exam === exam.number)
  const lines: [key: string, line: ReactNode][] = []
  if (invitation !== undefined)
    lines.push([
      'invited',
      t('exam.beta.invited', {
        position: invitation.wave.position,
        name: invitation.wave.name,
        day: formatDay(intl.locale, invitation.invitedAt, candidate.timeZone),
      }),
    ])
  else if (own.waitingForWave !== null)
    lines.push(['waiting', t('exam.beta.waiting', { position: own.waitingForWave.position })])
  else lines.push(['not-invited', t('exam.beta.notInvited')])
  // An open programme takes anyone, so its roster decides nothing; and someone invited by a wave
  // is not told they are off the roster, which their invitation makes no matter.
  const invitedByWave = invitation !== undefined || own.waitingForWave !== null
  if (props.closed && (own.onRoster || !invitedByWave))
    lines.push(['roster', t(own.onRoster ? 'exam.beta.onRoster' : 'exam.beta.notOnRoster')])
  if (own.registrationId !== null)
    lines.push([
      'registered',
      <>
        {t('exam.beta.registered')}{' '}
        <Link to={`/registrations/${own.registrationId}`}>{t('exam.beta.yourBooking')}</Link>
      </>,
    ])
  return (
    <ul className="plain-list">
      {lines.map(([key, line]) => (
        <li key={key}>{line}</li>
      ))}
    </ul>
  )
}
