import { useParams } from 'react-router'
import { $api, Problem } from '../../../api/client'
import type { Me } from '../../../api/session'
import { useT } from '../../../i18n/use-t'
import { usePageTitle } from '../../../ui/page-title'
import { ProblemMessage } from '../../../ui/problem-message'
import { Certifications } from '../../home/certifications'
import { ActForCandidate } from '../act/act-for-candidate'
import { CandidateAudit } from './candidate-audit'
import { CandidateBeta } from './candidate-beta'
import { CandidateCodes } from './candidate-codes'
import { CandidateEligibility } from './candidate-eligibility'
import { CandidateHistory } from './candidate-history'
import { CandidateIdentity } from './candidate-identity'
import { CandidateMail } from './candidate-mail'
import { CandidateRequests } from './candidate-requests'
import { CandidateSessions } from './candidate-sessions'
import { CandidateUpcoming } from './candidate-upcoming'

/**
 * Everything about one candidate on one screen, for support on the phone
 * with them: who they are, what they may take and from when, what is
 * booked, their history at every provider, codes, betas, requests, every
 * mail sent to them and everything done to their records.
 */
export function CandidatePage(_props: { me: Me }) {
  const t = useT()
  const { id = '' } = useParams()
  const candidate = $api.useQuery('get', '/v1/candidates/{id}', {
    params: { path: { id } },
  })
  const name =
    candidate.data === undefined ? id : `${candidate.data.firstName} ${candidate.data.lastName}`
  usePageTitle(t('console.candidate.title', { name }))
  if (candidate.error instanceof Problem && candidate.error.status === 404) {
    return (
      <>
        <h1>{t('console.candidate.missing.title')}</h1>
        <p role="alert">{t('console.candidate.missing', { id })}</p>
      </>
    )
  }
  if (candidate.error != null) return <ProblemMessage error={candidate.error} />
  return (
    <>
      <h1>{name}</h1>
      <div className="console-candidate">
        <CandidateIdentity query={candidate} />
        <ActForCandidate candidateId={id} />
        <CandidateEligibility candidateId={id} />
        <CandidateUpcoming candidateId={id} />
        <CandidateHistory candidateId={id} />
        <Certifications candidateId={id} forStaff />
        <CandidateCodes candidateId={id} />
        <CandidateBeta candidateId={id} />
        <CandidateRequests candidateId={id} />
        <CandidateMail candidateId={id} />
        <CandidateAudit candidateId={id} />
        <CandidateSessions candidateId={id} />
      </div>
    </>
  )
}
