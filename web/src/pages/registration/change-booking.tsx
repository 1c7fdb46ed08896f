import { useQueryClient } from '@tanstack/react-query'
import { useIntl } from 'react-intl'
import { Link } from 'react-router'
import { useActionKey } from '../../api/action-key'
import type { Registration } from '../../api/candidate'
import { api } from '../../api/client'
import { useT } from '../../i18n/use-t'
import { formatOnClock } from '../../time/format'
import { ConfirmDialog } from '../../ui/confirm-dialog'

/**
 * Rescheduling and cancelling, each with its deadline said before its
 * button, on the centre's clock; a refusal names the provider's rule.
 */
export function ChangeBooking({ registration }: { registration: Registration }) {
  const t = useT()
  const intl = useIntl()
  const zone = registration.centre.timeZone
  const deadlines = registration.changeDeadlines
  const now = Date.now()
  const canReschedule = Date.parse(deadlines.reschedule) > now
  const canCancel = Date.parse(deadlines.cancel) > now
  return (
    <section aria-labelledby="change">
      <h2 id="change">{t('registration.change')}</h2>
      {!canReschedule && !canCancel ? (
        <p>{t('registration.deadlinesPassed', { provider: registration.provider.name })}</p>
      ) : (
        <>
          {canReschedule && (
            <>
              <p>
                {t('registration.rescheduleUntil', {
                  deadline: formatOnClock(intl.locale, deadlines.reschedule, zone),
                })}
              </p>
              <p>
                <Link
                  className="button quiet"
                  to={`/seats?exam=${registration.exam.number}&reschedule=${registration.id}`}
                >
                  {t('registration.reschedule')}
                </Link>
              </p>
            </>
          )}
          {canCancel && (
            <>
              <p>
                {t('registration.cancelUntil', {
                  deadline: formatOnClock(intl.locale, deadlines.cancel, zone),
                })}
              </p>
              <CancelBooking registration={registration} />
            </>
          )}
        </>
      )}
    </section>
  )
}

function CancelBooking({ registration }: { registration: Registration }) {
  const t = useT()
  const key = useActionKey()
  const queries = useQueryClient()

  async function cancel() {
    await api.POST('/v1/registrations/{id}/cancel', {
      params: { path: { id: registration.id }, header: { 'Idempotency-Key': key.current } },
      body: { channel: 'web' },
    })
    key.renew()
    await queries.invalidateQueries()
  }

  return (
    <ConfirmDialog
      trigger={t('registration.cancel')}
      title={t('registration.cancelConfirmTitle')}
      body={t('registration.cancelConfirm')}
      keep={t('registration.cancelKeep')}
      confirm={t('registration.cancelDo')}
      onConfirm={cancel}
    />
  )
}
