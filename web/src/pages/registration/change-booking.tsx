import { useQueryClient } from '@tanstack/react-query'
import { useIntl } from 'react-intl'
import { Link } from 'react-router'
import { useActing } from '../../acting/acting'
import { useActionKey } from '../../api/action-key'
import type { Registration } from '../../api/candidate'
import { api } from '../../api/client'
import { useReader } from '../../i18n/reader'
import { useT } from '../../i18n/use-t'
import { formatOnClock } from '../../time/format'
import { ConfirmDialog } from '../../ui/confirm-dialog'

/**
 * Rescheduling and cancelling, each with its deadline said before its
 * button, on the centre's clock; a refusal names the provider's rule.
 */
export function ChangeBooking({ registration }: { registration: Registration }) {
  const t = useT()
  const reader = useReader()
  const intl = useIntl()
  const acting = useActing()
  const zone = registration.centre.timeZone
  const deadlines = registration.changeDeadlines
  const provider = registration.provider.name
  const now = Date.now()
  const canReschedule = Date.parse(deadlines.reschedule) > now
  const canCancel = Date.parse(deadlines.cancel) > now
  const on = (deadline: string) => formatOnClock(intl.locale, deadline, zone)
  return (
    <section aria-labelledby="change">
      <h2 id="change">{t('registration.change')}</h2>
      <p>
        <ProviderRule registration={registration} />
      </p>
      {!canReschedule && !canCancel ? (
        <p className="attention">{t('registration.deadlinesPassed', { provider })}</p>
      ) : (
        <>
          {canReschedule ? (
            <>
              <p>
                {reader.t('registration.rescheduleUntil', { deadline: on(deadlines.reschedule) })}
              </p>
              <p>
                <Link
                  className="button quiet"
                  to={acting.seats(
                    new URLSearchParams({
                      exam: registration.exam.number,
                      reschedule: registration.id,
                    }),
                  )}
                >
                  {t('registration.reschedule')}
                </Link>
              </p>
            </>
          ) : (
            <p className="attention">
              {t('registration.reschedulePassed', { deadline: on(deadlines.reschedule) })}
            </p>
          )}
          {canCancel ? (
            <>
              <p>{reader.t('registration.cancelUntil', { deadline: on(deadlines.cancel) })}</p>
              <CancelBooking registration={registration} />
            </>
          ) : (
            <p className="attention">
              {t('registration.cancelPassed', { deadline: on(deadlines.cancel) })}
            </p>
          )}
        </>
      )}
    </section>
  )
}

/**
 * The provider's rule, "changes up to N hours before", read back from the
 * deadlines it set for this appointment, so that a refusal is never the
 * first a candidate hears of it.
 */
function ProviderRule({ registration }: { registration: Registration }) {
  const t = useT()
  const startsAt = Date.parse(registration.startsAt)
  const hoursBefore = (deadline: string) => Math.round((startsAt - Date.parse(deadline)) / HOUR_MS)
  const reschedule = hoursBefore(registration.changeDeadlines.reschedule)
  const cancel = hoursBefore(registration.changeDeadlines.cancel)
  const provider = registration.provider.name
  return (
    <>
      {reschedule === cancel
        ? t('registration.rule', { provider, hours: reschedule })
        : t('registration.ruleApart', { provider, reschedule, cancel })}
    </>
  )
}

const HOUR_MS = 3_600_000

function CancelBooking({ registration }: { registration: Registration }) {
  const t = useT()
  const key = useActionKey()
  const queries = useQueryClient()
  const acting = useActing()

  async function cancel() {
    await api.POST('/v1/registrations/{id}/cancel', {
      params: { path: { id: registration.id }, header: { 'Idempotency-Key': key.current } },
      body: acting.how,
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
