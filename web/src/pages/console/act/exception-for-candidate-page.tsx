import { useParams, useSearchParams } from 'react-router'
import { useT } from '../../../i18n/use-t'
import { usePageTitle } from '../../../ui/page-title'
import { ForSitting } from '../../exception-request/new-exception-request-page'
import { SittingChooser } from '../../exception-request/sitting-chooser'
import { CandidateActedFor } from './candidate-acted-for'

/**
 * `/console/candidates/:id/exception-request`: the candidate's own form,
 * filled in from their record and the sitting, sent for them with the
 * channel and reason; without a sitting named, theirs to choose from.
 */
export function ExceptionForCandidatePage() {
  const t = useT()
  usePageTitle(t('exception.new.title'))
  const { id = '' } = useParams()
  const [params] = useSearchParams()
  const registrationId = params.get('registration')?.trim() ?? ''
  return (
    <CandidateActedFor candidateId={id}>
      {(candidate) => (
        <section className="form-page">
          <h1>{t('exception.new.title')}</h1>
          <p>{t('console.act.exceptionIntro')}</p>
          {registrationId === '' ? (
            <SittingChooser candidateId={candidate.id} />
          ) : (
            <ForSitting candidateId={candidate.id} registrationId={registrationId} />
          )}
        </section>
      )}
    </CandidateActedFor>
  )
}
