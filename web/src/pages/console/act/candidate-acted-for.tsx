import type { ReactNode } from 'react'
import { ActingForCandidate } from '../../../acting/acting-for-candidate'
import type { Candidate } from '../../../api/candidate'
import { $api, Problem } from '../../../api/client'
import { useT } from '../../../i18n/use-t'
import { ProblemMessage } from '../../../ui/problem-message'
import { ActingBanner } from './acting-banner'

/**
 * A console page that acts for one candidate: their record read first (a
 * missing one said so; nothing else until it has come, since the page names
 * them by it), whom it acts for said at the top, and what is inside acting
 * for them.
 */
export function CandidateActedFor(props: {
  readonly candidateId: string
  readonly children: (candidate: Candidate) => ReactNode
}) {
  const t = useT()
  const candidate = $api.useQuery('get', '/v1/candidates/{id}', {
    params: { path: { id: props.candidateId } },
  })
  if (candidate.isPending) return <p>{t('common.loading')}</p>
  if (candidate.error !== null)
    return candidate.error instanceof Problem && candidate.error.status === 404 ? (
      <p role="alert">{t('console.act.candidateMissing')}</p>
    ) : (
      <ProblemMessage error={candidate.error} />
    )
  return (
    <ActingForCandidate candidate={candidate.data}>
      <ActingBanner candidate={candidate.data} />
      {props.children(candidate.data)}
    </ActingForCandidate>
  )
}
