import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Button } from 'react-aria-components'
import { useIntl } from 'react-intl'
import { useActing } from '../../acting/acting'
import { useActionKey } from '../../api/action-key'
import type { Registration } from '../../api/candidate'
import { api } from '../../api/client'
import { useT } from '../../i18n/use-t'
import { formatMoney } from '../../time/format'
import { ProblemMessage } from '../../ui/problem-message'

/** Paying what a booking still owes, by card: the card is taken by the provider's desk; we record it. */
export function PayBooking({ registration }: { registration: Registration }) {
  const t = useT()
  const intl = useIntl()
  const key = useActionKey()
  const queries = useQueryClient()
  const acting = useActing()
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const price = registration.price
  if (price === null || price.dueCents === 0) return null

  async function pay() {
    setBusy(true)
    setError(null)
    try {
      await api.POST('/v1/registrations/{id}/payment', {
        params: { path: { id: registration.id }, header: { 'Idempotency-Key': key.current } },
        body: { method: 'card', cents: price!.dueCents, currency: price!.currency, ...acting.how },
      })
      key.renew()
      await queries.invalidateQueries()
    } catch (problem) {
      setError(problem)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="stack">
      {error !== null && <ProblemMessage error={error} />}
      <div>
        <Button className="button primary" isDisabled={busy} onPress={pay}>
          {t('registration.pay', {
            amount: formatMoney(intl.locale, price.dueCents, price.currency),
          })}
        </Button>
      </div>
    </div>
  )
}
