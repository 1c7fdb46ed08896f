import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { Checkbox, Form, Label, Radio, RadioGroup } from 'react-aria-components'
import { useIntl } from 'react-intl'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { useActing } from '../../acting/acting'
import { ActingHowFields } from '../../acting/acting-how-fields'
import { $api, api, Problem } from '../../api/client'
import { useProviderNames } from '../../api/provider-names'
import type { paths } from '../../api/schema'
import type { Me } from '../../api/session'
import { useDecisionSentence } from '../../decisions/decision-sentence'
import { useReader } from '../../i18n/reader'
import { useT } from '../../i18n/use-t'
import { formatMoney, formatOnClock } from '../../time/format'
import { Instant } from '../../ui/instant'
import { usePageTitle } from '../../ui/page-title'
import { ProblemMessage } from '../../ui/problem-message'
import { SubmitButton } from '../../ui/submit-button'
import { HeldBooking } from '../exam/held-booking'
import { bookingKey } from './booking-key'
import { type CodeChoice, CodeField, NO_CODE } from './code-field'

/**
 * Booking one seat (or moving a booking to it): the seat and until when a
 * booking on it could change, whether the candidate may take the exam then,
 * the code field in plain sight with what a code would do, the payment, and
 * one button; the booking's page is the confirmation.
 */
export function BookPage({ me }: { me: Me }) {
  const t = useT()
  const [params] = useSearchParams()
  const exam = params.get('exam') ?? ''
  const slotId = params.get('slot') ?? ''
  const rescheduling = params.get('reschedule')
  const acting = useActing()
  const candidateId = acting.forCandidate ?? me.account.candidateId ?? ''
  const examQuery = $api.useQuery('get', '/v1/exams/{number}', {
    params: { path: { number: exam } },
  })
  const title =
    examQuery.data === undefined ? exam : `${examQuery.data.number} ${examQuery.data.title}`
  usePageTitle(t(rescheduling === null ? 'book.title' : 'book.rescheduleTitle', { exam }))
  const slot = $api.useQuery('get', '/v1/slots/{id}', { params: { path: { id: slotId } } })
  if (slot.isPending) return <p>{t('common.loading')}</p>
  if (slot.error !== null)
    return (
      <>
        <h1>{t('book.title', { exam: title })}</h1>
        {slot.error instanceof Problem && slot.error.status === 404 ? (
          <p role="alert">{t('book.noSlot')}</p>
        ) : (
          <ProblemMessage error={slot.error} />
        )}
        <p>
          <Link to={acting.seats(seatsQuery(exam, rescheduling))}>{t('book.chooseSlot')}</Link>
        </p>
      </>
    )
  return (
    <>
      <h1>{t(rescheduling === null ? 'book.title' : 'book.rescheduleTitle', { exam: title })}</h1>
      {rescheduling === null && examQuery.data?.betaPeriod === null && (
        <HeldBooking candidateId={candidateId} exam={examQuery.data.number} />
      )}
      <BookingForm
        exam={exam}
        candidateId={candidateId}
        slot={slot.data}
        rescheduling={rescheduling}
      />
    </>
  )
}

/** Back to finding a seat for the exam, still moving the same booking when one is being moved. */
function seatsQuery(exam: string, rescheduling: string | null): URLSearchParams {
  const search = new URLSearchParams({ exam })
  if (rescheduling !== null) search.set('reschedule', rescheduling)
  return search
}

type Slot = paths['/v1/slots/{id}']['get']['responses'][200]['content']['application/json']

function BookingForm(props: {
  readonly exam: string
  readonly candidateId: string
  readonly slot: Slot
  readonly rescheduling: string | null
}) {
  const { slot, exam, candidateId } = props
  const t = useT()
  const reader = useReader()
  const intl = useIntl()
  const say = useDecisionSentence()
  const acting = useActing()
  const navigate = useNavigate()
  const queries = useQueryClient()
  const [code, setCode] = useState<CodeChoice>(NO_CODE)
  const [payment, setPayment] = useState<'card' | 'later'>('card')
  const [deadlinesAcknowledged, setDeadlinesAcknowledged] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const eligibility = $api.useQuery('get', '/v1/candidates/{id}/eligibility', {
    params: { path: { id: candidateId }, query: { exam, at: slot.startsAt } },
  })
  const pricing = $api.useQuery('get', '/v1/exams/{number}/pricing', {
    params: { path: { number: exam } },
  })
  const providers = useProviderNames()
  const zone = slot.timeZone
  const passed = slot.deadlinesPassed
  const rescheduling = props.rescheduling !== null
  const price = code.preview?.price ?? null
  const list = pricing.data?.prices.find((p) => p.currency === 'USD') ?? pricing.data?.prices[0]
  const due = price?.dueCents ?? list?.cents ?? null
  const refused = eligibility.data !== undefined && !eligibility.data.eligible

  async function book(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    const key = bookingKey(candidateId, `${slot.id}${rescheduling ? `.${props.rescheduling}` : ''}`)
    try {
      if (props.rescheduling !== null) {
        await api.POST('/v1/registrations/{id}/reschedule', {
          params: { path: { id: props.rescheduling }, header: { 'Idempotency-Key': key.value } },
          body: { slotId: slot.id, acknowledgeDeadlines: deadlinesAcknowledged, ...acting.how },
        })
        key.forget()
        await queries.invalidateQueries()
        navigate(`${acting.registration(props.rescheduling)}?rescheduled=1`)
        return
      }
      const { data } = await api.POST('/v1/registrations', {
        params: { header: { 'Idempotency-Key': key.value } },
        body: {
          candidateId,
          exam,
          slotId: slot.id,
          ...acting.how,
          ...(code.code === null ? {} : { voucherCode: code.code }),
          ...(code.forfeitAcknowledged ? { acknowledgeForfeit: true } : {}),
          ...(deadlinesAcknowledged ? { acknowledgeDeadlines: true } : {}),
          ...(payment === 'card' && due !== 0 ? { payment: { method: 'card' as const } } : {}),
        },
      })
      key.forget()
      await queries.invalidateQueries()
      navigate(`${acting.registration(data!.id)}?booked=1`)
    } catch (problem) {
      setError(problem)
      setBusy(false)
    }
  }

  const blocked =
    refused ||
    (passed.length > 0 && !deadlinesAcknowledged) ||
    code.pending ||
    (code.preview !== null &&
      (!code.preview.accepted ||
        (code.preview.requiresAcknowledgement && !code.forfeitAcknowledged)))

  return (
    <Form onSubmit={book} className="stack booking-form">
      <section aria-labelledby="seat" className="card">
        <h2 id="seat">{reader.t('book.seat')}</h2>
        <dl className="facts">
          <dt>{t('appointment.when')}</dt>
          <dd>
            <Instant at={slot.startsAt} timeZone={zone} />
          </dd>
          <dt>{t('appointment.where')}</dt>
          <dd>
            {slot.centre.name}, {slot.centre.city} ({providers.name(slot.provider)}) ·{' '}
            {t('book.seatsLeft', { count: slot.seatsLeft })}
          </dd>
          <dt>{t('appointment.changeUntil')}</dt>
          <dd>
            {t('book.deadlines', {
              reschedule: formatOnClock(intl.locale, slot.changeDeadlines.reschedule, zone),
              cancel: formatOnClock(intl.locale, slot.changeDeadlines.cancel, zone),
            })}
          </dd>
        </dl>
        {passed.length > 0 && (
          <div className="warning">
            <p>
              {reader.t('book.deadlinesPassed', {
                changes: t(
                  passed.length === 2
                    ? 'book.deadlinesPassed.both'
                    : `book.deadlinesPassed.${passed[0]!}`,
                ),
              })}
            </p>
            <Checkbox
              className="checkbox"
              isSelected={deadlinesAcknowledged}
              onChange={setDeadlinesAcknowledged}
            >
              <span className="checkbox-box" aria-hidden="true" />
              {reader.t('book.acknowledgeDeadlines')}
            </Checkbox>
          </div>
        )}
      </section>

      {eligibility.data !== undefined && !eligibility.data.eligible && (
        <div className="problem" role="alert">
          <p>{reader.t('book.notEligible')}</p>
          <p>{say(eligibility.data)}</p>
          {eligibility.data.code === 'BETA_ALREADY_REGISTERED' && (
            <BetaBookingLink candidateId={candidateId} exam={exam} />
          )}
        </div>
      )}

      {!rescheduling && (
        <>
          <CodeField
            candidateId={candidateId}
            exam={exam}
            slotId={slot.id}
            choice={code}
            onChange={setCode}
          />
          <section aria-labelledby="payment">
            <h2 id="payment">{t('book.payment')}</h2>
            {price !== null && price.dueCents === 0 ? (
              <p>{t('book.nothingToPay')}</p>
            ) : (
              <>
                {list !== undefined && (
                  <p>
                    {price === null || price.dueCents === price.listCents
                      ? t('book.price', {
                          price: formatMoney(intl.locale, list.cents, list.currency),
                        })
                      : t('book.priceDue', {
                          due: formatMoney(intl.locale, price.dueCents, price.currency),
                          list: formatMoney(intl.locale, price.listCents, price.currency),
                        })}
                  </p>
                )}
                <RadioGroup
                  className="radio-group"
                  value={payment}
                  onChange={(value) => setPayment(value as 'card' | 'later')}
                >
                  <Label className="visually-hidden">{t('book.payment')}</Label>
                  <Radio value="card" className="radio">
                    <span className="radio-dot" aria-hidden="true" />
                    {t('book.payCard')}
                  </Radio>
                  <Radio value="later" className="radio">
                    <span className="radio-dot" aria-hidden="true" />
                    {t('book.payLater')}
                  </Radio>
                </RadioGroup>
              </>
            )}
          </section>
        </>
      )}
      <ActingHowFields required />
      {error !== null && <ProblemMessage error={error} />}
      <div className="row">
        <SubmitButton busy={busy || blocked}>
          {rescheduling ? reader.t('book.rescheduleSubmit') : t('book.submit')}
        </SubmitButton>
        <Link to={acting.seats(seatsQuery(exam, props.rescheduling))}>{t('book.chooseSlot')}</Link>
      </div>
    </Form>
  )
}

/** The one booking a candidate holds for a beta exam, which this seat would repeat. */
function BetaBookingLink(props: { readonly candidateId: string; readonly exam: string }) {
  const { t } = useReader()
  const acting = useActing()
  const standing = $api.useQuery('get', '/v1/candidates/{id}/beta-standing', {
    params: { path: { id: props.candidateId }, query: { exam: props.exam } },
  })
  const id = standing.data?.registrationId ?? null
  if (id === null) return null
  return (
    <p>
      <Link to={acting.registration(id)}>{t('book.betaBooking')}</Link>
    </p>
  )
}
