import { useIntl } from 'react-intl'
import { Link, useLocation, useParams } from 'react-router'
import { $api, Problem } from '../../api/client'
import type { paths } from '../../api/schema'
import { isStaff, useMe } from '../../api/session'
import { useReader } from '../../i18n/reader'
import { useT } from '../../i18n/use-t'
import { formatOnClock } from '../../time/format'
import { usePageTitle } from '../../ui/page-title'
import { ProblemMessage } from '../../ui/problem-message'
import { History } from '../registration/history'
import { Decision } from './decision'

const ACTIONS = new Set(['requested', 'approved', 'denied'])
type Action = 'requested' | 'approved' | 'denied'

export type ExceptionRequest =
  paths['/v1/exception-requests/{id}']['get']['responses'][200]['content']['application/json']['request']

/**
 * `/exception-requests/{id}`: where a request stands (open, approved,
 * denied), the review's note, what an approval allows and whether its waiver
 * is still there to use, and everything done to the request. Staff read
 * it of the candidate, by first name, where the candidate reads "you".
 */
export function ExceptionRequestPage() {
  const t = useT()
  const intl = useIntl()
  const { id = '' } = useParams()
  const location = useLocation()
  // Staff reach the booking on the console's page, where they act for the candidate.
  const staff = isStaff(useMe().data)
  const filed = (location.state as { filed?: boolean } | null) ?? {}
  const justFiled = filed.filed === true
  usePageTitle(t('exception.title', { id }))
  const query = $api.useQuery('get', '/v1/exception-requests/{id}', {
    params: { path: { id } },
  })
  const candidateId = query.data?.request.candidateId ?? ''
  const candidate = $api.useQuery(
    'get',
    '/v1/candidates/{id}',
    { params: { path: { id: candidateId } } },
    { enabled: candidateId !== '' },
  )
  // Staff read it of the candidate, by name: it waits for their record rather than say "you".
  const about = staff ? { name: candidate.data?.firstName ?? '' } : null
  const reader = useReader(about)
  if (query.isPending || (staff && candidate.isPending && query.error === null))
    return <p>{t('common.loading')}</p>
  if (query.error !== null)
    return query.error instanceof Problem && query.error.status === 404 ? (
      <>
        <h1>{t('exception.title', { id })}</h1>
        <p role="alert">{t('exception.notFound')}</p>
      </>
    ) : (
      <ProblemMessage error={query.error} />
    )
  const { request, history } = query.data
  const zone = candidate.data?.timeZone ?? 'UTC'
  const filedBy = request.requestedBy
  return (
    <>
      <h1>{t('exception.title', { id: request.id })}</h1>
      {justFiled && request.status === 'open' && (
        <p role="status" className="confirmation">
          {reader.t('exception.filed', { email: request.email })}
        </p>
      )}
      <dl className="facts">
        <dt>{t('exception.status')}</dt>
        <dd>
          <strong className={`request-status request-${request.status}`}>
            {t(`exception.status.${request.status}`)}
          </strong>
        </dd>
        <dt>{t('exception.exam')}</dt>
        <dd>
          <Link to={`/exams/${request.exam.number}`}>
            {request.exam.number} {request.exam.title}
          </Link>
        </dd>
        <dt>{t('exception.booking')}</dt>
        <dd>
          <Link to={`${staff ? '/console' : ''}/registrations/${request.registrationId}`}>
            {t('exception.bookingLine', { id: request.registrationId })}
          </Link>
        </dd>
        <dt>{t('exception.reason')}</dt>
        <dd>{t(`exception.new.reason.${request.reason}`)}</dd>
        <dt>{t('exception.caseNumber')}</dt>
        <dd>
          <code className="voucher-code">{request.providerCaseNumber}</code>
        </dd>
        <dt>{reader.t('exception.description')}</dt>
        <dd className="quoted">{request.description}</dd>
        <dt>{t('exception.asked')}</dt>
        <dd>
          <time dateTime={request.requestedAt}>
            {formatOnClock(intl.locale, request.requestedAt, zone)}
          </time>
          {filedBy.onBehalf && (
            <div className="secondary">
              {reader.t('exception.filedBy', {
                who: filedBy.displayName ?? filedBy.tokenLabel ?? filedBy.role,
                how: t(
                  `channel.${request.channel as 'web' | 'phone' | 'api' | 'email' | 'chat' | 'in-person'}`,
                ),
              })}
            </div>
          )}
        </dd>
      </dl>
      <Decision request={request} timeZone={zone} about={about} />
      <History
        entries={history}
        actionLabel={(action) =>
          ACTIONS.has(action) ? t(`exception.history.${action as Action}`) : undefined
        }
      />
    </>
  )
}
