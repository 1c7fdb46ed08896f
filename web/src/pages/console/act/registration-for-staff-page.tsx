import { useParams } from 'react-router'
import { $api, Problem } from '../../../api/client'
import { useT } from '../../../i18n/use-t'
import { ProblemMessage } from '../../../ui/problem-message'
import { RegistrationPage } from '../../registration/registration-page'
import { CandidateActedFor } from './candidate-acted-for'

/**
 * `/console/registrations/:id`: one booking as its candidate sees it (facts,
 * deadlines with the provider's rule, history by name), and support paying,
 * applying a code, moving and cancelling it for them, with the same previews
 * and refusals, each carrying the channel and reason given at the top.
 */
export function RegistrationForStaffPage() {
  const t = useT()
  const { id = '' } = useParams()
  const query = $api.useQuery('get', '/v1/registrations/{id}', { params: { path: { id } } })
  if (query.isPending) return <p>{t('common.loading')}</p>
  if (query.error !== null)
    return query.error instanceof Problem && query.error.status === 404 ? (
      <>
        <h1>{t('registration.title')}</h1>
        <p role="alert">{t('console.act.registrationMissing')}</p>
      </>
    ) : (
      <ProblemMessage error={query.error} />
    )
  return (
    <CandidateActedFor candidateId={query.data.registration.candidateId}>
      {() => <RegistrationPage />}
    </CandidateActedFor>
  )
}
