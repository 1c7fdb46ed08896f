import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Button } from 'react-aria-components'
import { useIntl } from 'react-intl'
import { Link } from 'react-router'
import { useActing } from '../../acting/acting'
import { useActionKey } from '../../api/action-key'
import type { Candidate, Exam } from '../../api/candidate'
import { $api, api } from '../../api/client'
import type { paths } from '../../api/schema'
import { useReader } from '../../i18n/reader'
import { useT } from '../../i18n/use-t'
import { formatDay } from '../../time/format'
import { ProblemMessage } from '../../ui/problem-message'

type Offer =
  paths['/v1/exams/{number}/offers']['get']['responses'][200]['content']['application/json']['items'][number]

/**
 * The offers the candidate could enrol in now for this exam (a Second Shot,
 * say), each with its terms in words and a button that gets a code of their
 * own; the code then shows among their codes and in their mail. An offer of
 * which they already hold a usable code for this exam is not offered again.
 */
export function OffersToEnrol({
  exam,
  candidate,
  empty,
}: {
  exam: Exam
  candidate: Candidate
  /** Said when no offer is open for the exam; nothing is said otherwise. */
  empty?: string
}) {
  const { t } = useReader()
  const query = $api.useQuery('get', '/v1/exams/{number}/offers', {
    params: { path: { number: exam.number } },
  })
  // The same question as the codes list above: answered once for both.
  const held = $api.useQuery('get', '/v1/candidates/{id}/codes', {
    params: { path: { id: candidate.id }, query: { exam: exam.number, limit: 200 } },
  })
  const heldOffers = new Set(
    (held.data?.items ?? [])
      .filter((code) => code.state === 'usable' && code.coversExam === true)
      .map((code) => code.offer.id),
  )
  const [enrolled, setEnrolled] = useState<readonly string[]>([])
  const offers = (query.data?.items ?? []).filter(
    (offer) => enrolled.includes(offer.offerId) || !heldOffers.has(offer.offerId),
  )
  if (!held.isSuccess) return null
  if (query.error !== null) return <ProblemMessage error={query.error} />
  if (offers.length === 0) return empty === undefined ? null : <p role="status">{empty}</p>
  return (
    <section aria-labelledby="offers" className="page-section">
      <h3 id="offers">{t('exam.offers')}</h3>
      <ul className="plain-list">
        {offers.map((offer) => (
          <li key={offer.offerId}>
            <OfferToEnrol
              offer={offer}
              exam={exam}
              candidate={candidate}
              onEnrolled={() => setEnrolled((ids) => [...ids, offer.offerId])}
            />
          </li>
        ))}
      </ul>
    </section>
  )
}

function OfferToEnrol(props: {
  readonly offer: Offer
  readonly exam: Exam
  readonly candidate: Candidate
  /** Called before the codes are read again, so that the new code's offer stays in view. */
  onEnrolled(): void
}) {
  const { offer, exam, candidate } = props
  const t = useT()
  const reader = useReader()
  const intl = useIntl()
  const key = useActionKey()
  const acting = useActing()
  const queries = useQueryClient()
  const [code, setCode] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const day = (instant: string) => formatDay(intl.locale, instant, candidate.timeZone)

  async function enrol() {
    setBusy(true)
    setError(null)
    try {
      const { data } = await api.POST('/v1/offers/{id}/enrolments', {
        params: { path: { id: offer.offerId }, header: { 'Idempotency-Key': key.current } },
        body: { candidateId: candidate.id, ...acting.how },
      })
      key.renew()
      setCode(data?.code ?? null)
      props.onEnrolled()
      await queries.invalidateQueries()
    } catch (problem) {
      setError(problem)
    } finally {
      setBusy(false)
    }
  }

  const terms = [
    offer.benefit.kind === 'percent-off'
      ? t('exam.offers.benefit.percent-off', { percent: offer.benefit.percent ?? 0 })
      : offer.benefit.kind === 'free-exam'
        ? t('exam.offers.benefit.free-exam')
        : reader.t('exam.offers.benefit.free-retake'),
    ...(offer.combinable ? [] : [t('exam.offers.notCombinable')]),
    ...(offer.useBefore === null
      ? []
      : [t('exam.offers.useBefore', { day: day(offer.useBefore) })]),
    ...(offer.validDays === null ? [] : [t('exam.offers.validDays', { days: offer.validDays })]),
  ]
  return (
    <div className="offer">
      <p>
        <strong>{offer.name}</strong> · {terms.join(' · ')}
      </p>
      {offer.enrolment !== null && (
        <p className="secondary">
          {reader.t('exam.offers.until', { day: day(offer.enrolment.closesAt) })}
        </p>
      )}
      {code === null ? (
        <div>
          <Button className="button" isDisabled={busy} aria-busy={busy} onPress={enrol}>
            {t('exam.offers.enrol', { offer: offer.name })}
          </Button>
        </div>
      ) : (
        <p role="status">
          {reader.t('exam.offers.enrolled')} <code className="voucher-code">{code}</code>{' '}
          <Link to={acting.seats(new URLSearchParams({ exam: exam.number }))}>
            {t('exam.offers.findSeat')}
          </Link>
        </p>
      )}
      {error !== null && <ProblemMessage error={error} />}
    </div>
  )
}
