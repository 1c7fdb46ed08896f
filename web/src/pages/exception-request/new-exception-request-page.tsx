import { useSearchParams } from 'react-router'
import { $api, Problem } from '../../api/client'
import type { Me } from '../../api/session'
import { useReader } from '../../i18n/reader'
import { useT } from '../../i18n/use-t'
import { usePageTitle } from '../../ui/page-title'
import { ProblemMessage } from '../../ui/problem-message'
import { ExceptionForm } from './exception-form'
import { SittingChooser } from './sitting-chooser'

/**
 * `/exception-requests/new?registration={id}`: asking for a retake exception
 * about one sitting, the form filled in from the booking and the candidate
 * record. Without a registration (or with one not on the account), the
 * candidate first chooses the sitting.
 */
export function NewExceptionRequestPage({ me }: { me: Me }) {
  const t = useT()
  usePageTitle(t('exception.new.title'))
  const [params] = useSearchParams()
  const registrationId = params.get('registration')?.trim() ?? ''
  const candidateId = me.account.candidateId
  return (
    <section className="form-page">
      <h1>{t('exception.new.title')}</h1>
      <p>{t('exception.new.intro')}</p>
      {candidateId === null ? (
        <p>{t('exception.new.staff')}</p>
      ) : registrationId === '' ? (
        <SittingChooser candidateId={candidateId} />
      ) : (
        <ForSitting candidateId={candidateId} registrationId={registrationId} />
      )}
    </section>
  )
}

/** The form for one sitting, or the sittings to choose from when that one is not theirs. */
export function ForSitting(props: {
  readonly candidateId: string
  readonly registrationId: string
}) {
  const t = useT()
  const reader = useReader()
  const registration = $api.useQuery('get', '/v1/registrations/{id}', {
    params: { path: { id: props.registrationId } },
  })
  const candidate = $api.useQuery('get', '/v1/candidates/{id}', {
    params: { path: { id: props.candidateId } },
  })
  if (registration.isPending || candidate.isPending) return <p>{t('common.loading')}</p>
  if (registration.error !== null) {
    // Another candidate's booking answers like a missing one: either way, choose one of yours.
    if (registration.error instanceof Problem && registration.error.status === 404)
      return (
        <>
          <p role="alert" className="problem">
            {reader.t('exception.new.noRegistration')}
          </p>
          <SittingChooser candidateId={props.candidateId} />
        </>
      )
    return <ProblemMessage error={registration.error} />
  }
  if (candidate.error !== null) return <ProblemMessage error={candidate.error} />
  return <ExceptionForm candidate={candidate.data} registration={registration.data.registration} />
}
