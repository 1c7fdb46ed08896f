import { useQueries } from '@tanstack/react-query'
import { Link } from 'react-router'
import { useCandidateZone } from '../../../api/candidate-zone'
import { $api } from '../../../api/client'
import type { paths } from '../../../api/schema'
import { useDecisionSentence } from '../../../decisions/decision-sentence'
import { useT } from '../../../i18n/use-t'
import { Instant } from '../../../ui/instant'
import { QuerySection } from '../../../ui/query-section'

/**
 * Beta exams: the invitations mailed to the candidate and whether each lets
 * them register now (and if not why), and where they stand with each beta
 * programme: on its roster, invited by a wave still to open, registered.
 */
export function CandidateBeta({ candidateId }: { candidateId: string }) {
  const t = useT()
  const zone = useCandidateZone(candidateId)
  // Read once by the page already: the refusals are said of the candidate by name, not as "you",
  // so the part waits for the record rather than say "you" to staff meanwhile.
  const candidate = $api.useQuery('get', '/v1/candidates/{id}', {
    params: { path: { id: candidateId } },
  })
  const say = useDecisionSentence({ name: candidate.data?.firstName ?? '' })
  const invitations = $api.useQuery('get', '/v1/candidates/{id}/beta-invitations', {
    params: { path: { id: candidateId } },
  })
  const betas = $api.useQuery('get', '/v1/exams', { params: { query: { status: 'beta' } } })
  const items = candidate.isSuccess ? (invitations.data?.items ?? []) : []
  const exams = (betas.data?.items ?? []).map((exam) => exam.number)
  // One question per beta programme (a handful), asked together; a candidate with no place in one is left out.
  const answers = useQueries({
    queries: exams.map((exam) =>
      $api.queryOptions('get', '/v1/candidates/{id}/beta-standing', {
        params: { path: { id: candidateId }, query: { exam } },
      }),
    ),
  })
  const standingsLoaded = betas.isSuccess && answers.every((answer) => !answer.isPending)
  const standings = answers
    .flatMap((answer) => (answer.data === undefined ? [] : [answer.data]))
    .filter(
      (standing) =>
        standing.onRoster || standing.waitingForWave !== null || standing.registrationId !== null,
    )
  return (
    <QuerySection
      id="cc-beta"
      title={t('console.candidate.beta')}
      query={{
        isPending: invitations.isPending || betas.isPending || candidate.isPending,
        error: invitations.error ?? betas.error,
      }}
      empty={null}
    >
      <h3>{t('console.candidate.invitations')}</h3>
      {invitations.isSuccess && candidate.isSuccess && items.length === 0 && (
        <p className="secondary">{t('console.candidate.noInvitations')}</p>
      )}
      <ul className="plain-list">
        {items.map((invitation) => (
          <li key={invitation.wave.id}>
            <strong>{invitation.exam}</strong>{' '}
            {t('console.candidate.invitation.wave', {
              wave: invitation.wave.name,
              position: invitation.wave.position,
            })}{' '}
            <span className="secondary">
              <Instant at={invitation.invitedAt} timeZone={zone} />
            </span>
            <span className="block">
              {invitation.mayRegister
                ? t('console.candidate.invitation.may')
                : invitation.refusal !== null &&
                  say({ code: invitation.refusal.code, reason: invitation.refusal.reason })}
            </span>
          </li>
        ))}
      </ul>
      <h3>{t('console.candidate.rosters')}</h3>
      {standingsLoaded && standings.length === 0 && (
        <p className="secondary">{t('console.candidate.noRosters')}</p>
      )}
      <ul className="plain-list">
        {standings.map((standing) => (
          <Standing key={standing.exam} standing={standing} />
        ))}
      </ul>
    </QuerySection>
  )
}

type BetaStanding =
  paths['/v1/candidates/{id}/beta-standing']['get']['responses'][200]['content']['application/json']

/** Where the candidate stands with one beta programme. */
function Standing({ standing }: { standing: BetaStanding }) {
  const t = useT()
  return (
    <li>
      <strong>{standing.exam}</strong>{' '}
      {[
        standing.onRoster ? t('console.candidate.roster.on') : t('console.candidate.roster.off'),
        standing.waitingForWave === null
          ? null
          : t('console.candidate.roster.waiting', { position: standing.waitingForWave.position }),
      ]
        .filter((part) => part !== null)
        .join(' · ')}
      {standing.registrationId !== null && (
        <>
          {' · '}
          {t('console.candidate.roster.registered')}{' '}
          <Link to={`/console/registrations/${encodeURIComponent(standing.registrationId)}`}>
            {standing.registrationId}
          </Link>
        </>
      )}
    </li>
  )
}
