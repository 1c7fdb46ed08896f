import { Link } from 'react-router'
import { $api } from '../../api/client'
import { useDecisionSentence } from '../../decisions/decision-sentence'
import { useT } from '../../i18n/use-t'
import { QuerySection } from '../../ui/query-section'

/** Beta invitations: whether each lets the candidate register now, and if not, why. Shown only when there are some. */
export function Invitations({ candidateId }: { candidateId: string }) {
  const t = useT()
  const say = useDecisionSentence()
  const query = $api.useQuery('get', '/v1/candidates/{id}/beta-invitations', {
    params: { path: { id: candidateId } },
  })
  const me = $api.useQuery('get', '/v1/candidates/{id}', { params: { path: { id: candidateId } } })
  const items = query.data?.items ?? []
  if (query.isSuccess && items.length === 0) return null
  return (
    <QuerySection id="invitations" title={t('home.invitations')} query={query} empty={null}>
      <ul className="plain-list">
        {items.map((invitation) => (
          <li key={`${invitation.wave.id}`}>
            <Link to={`/exams/${invitation.exam}`}>{invitation.exam}</Link>{' '}
            {invitation.mayRegister
              ? t('home.invitation.may', { exam: invitation.exam })
              : invitation.refusal !== null &&
                say({
                  code: invitation.refusal.code,
                  reason: invitation.refusal.reason,
                  ...(me.data === undefined ? {} : { country: me.data.country }),
                })}
          </li>
        ))}
      </ul>
    </QuerySection>
  )
}
