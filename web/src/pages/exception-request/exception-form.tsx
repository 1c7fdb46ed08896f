import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useRef, useState } from 'react'
import { FieldError, Form, Input, Label, Text, TextArea, TextField } from 'react-aria-components'
import { Link, useNavigate } from 'react-router'
import {
  DESCRIPTION_MAX_LENGTH,
  DESCRIPTION_MIN_LENGTH,
} from '../../../../src/domain/exception-request'
import { useActing } from '../../acting/acting'
import { ActingHowFields } from '../../acting/acting-how-fields'
import { useActionKey } from '../../api/action-key'
import type { Registration } from '../../api/candidate'
import { api, Problem } from '../../api/client'
import type { paths } from '../../api/schema'
import { useReader } from '../../i18n/reader'
import { useT } from '../../i18n/use-t'
import { ErrorSummary, type SummaryEntry } from '../../ui/error-summary'
import { Instant } from '../../ui/instant'
import { ProblemMessage } from '../../ui/problem-message'
import { SubmitButton } from '../../ui/submit-button'
import { type FieldProblem, fieldProblemsOf, useFieldProblemSentence } from './field-problems'
import { ReasonField } from './reason-field'

type Candidate =
  paths['/v1/candidates/{id}']['get']['responses'][200]['content']['application/json']

/** The fields filled in from the candidate record and the booking, in the API's order. */
const KNOWN = ['firstName', 'lastName', 'candidateId', 'email', 'registrationId', 'exam'] as const
type KnownField = (typeof KNOWN)[number]
/** The fields the candidate fills in. */
const ASKED = new Set(['reason', 'description', 'providerCaseNumber'])

/**
 * A request filled in with everything examdesk knows (six of the fields the
 * programme asks for), leaving the candidate the reason, what happened and
 * the provider's case number. A refusal lists every problem at once, at the
 * top and at each field.
 */
export function ExceptionForm(props: {
  readonly candidate: Candidate
  readonly registration: Registration
}) {
  const { candidate, registration } = props
  const t = useT()
  const reader = useReader()
  const say = useFieldProblemSentence()
  const key = useActionKey()
  const acting = useActing()
  const queries = useQueryClient()
  const navigate = useNavigate()
  const sending = useRef(false)
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<unknown>(null)
  const [typed, setTyped] = useState<Readonly<Record<string, string>>>({})
  // Staff's reason is checked here, before anything is sent, and listed with the rest.
  const [reasonMissing, setReasonMissing] = useState(false)

  const known: Readonly<Record<KnownField, string>> = {
    firstName: candidate.firstName,
    lastName: candidate.lastName,
    candidateId: candidate.id,
    email: candidate.email,
    registrationId: registration.id,
    exam: registration.exam.number,
  }
  const problems = fieldProblemsOf(refusal) ?? []
  const sentence = (problem: FieldProblem) => say(problem, typed[problem.field])
  const atField = (field: string) => problems.filter((problem) => problem.field === field)
  // Each field's problems stay until the request is sent again: a message that went away as the
  // field lost focus would move the button from under the pointer pressing it.
  const errorAt = (field: string) => {
    const found = atField(field)
    return found.length === 0 ? null : found.map(sentence).join(' ')
  }
  const summary: SummaryEntry[] = [
    ...problems.map((problem) => ({
      target: ASKED.has(problem.field) ? problem.field : `known-${problem.field}`,
      sentence: sentence(problem),
    })),
    ...(reasonMissing
      ? [{ target: 'onBehalfReason', sentence: t('console.act.reasonMissing') }]
      : []),
  ]

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    // A second press while the first is on its way sends nothing (and would replay under the same key).
    if (sending.current) return
    const form = new FormData(event.currentTarget)
    const field = (name: string) => String(form.get(name) ?? '')
    const asked = {
      reason: field('reason'),
      description: field('description'),
      providerCaseNumber: field('providerCaseNumber'),
    }
    const missing = acting.forCandidate !== null && !('onBehalfReason' in acting.how)
    setReasonMissing(missing)
    if (missing) {
      setRefusal(null)
      return
    }
    sending.current = true
    setBusy(true)
    setTyped(asked)
    try {
      const { data } = await api.POST('/v1/exception-requests', {
        params: { header: { 'Idempotency-Key': key.current } },
        body: { ...known, ...asked, ...acting.how },
      })
      key.renew()
      await queries.invalidateQueries()
      navigate(`/exception-requests/${data!.id}`, { state: { filed: true } })
    } catch (problem) {
      setRefusal(problem)
      sending.current = false
      setBusy(false)
    }
  }

  const rows: readonly [KnownField, string][] = [
    ['firstName', t('exception.new.firstName')],
    ['lastName', t('exception.new.lastName')],
    ['candidateId', t('exception.new.candidateId')],
    ['email', t('exception.new.email')],
    ['registrationId', t('exception.new.registrationId')],
    ['exam', t('exception.new.exam')],
  ]

  return (
    <Form onSubmit={send} validationBehavior="aria" className="stack">
      {summary.length > 0 && (
        <ErrorSummary
          title={t('exception.errors.title')}
          intro={t('exception.errors.intro', { count: summary.length })}
          entries={summary}
          refusal={refusal}
        />
      )}
      <section aria-labelledby="known">
        <h2 id="known">{t('exception.new.known')}</h2>
        <p className="secondary">
          {reader.t('exception.new.knownHelp')}{' '}
          {/* It leads to the reader's own account page: only the candidate is shown it. */}
          {acting.forCandidate === null && (
            <Link to="/account">{t('exception.new.changeName')}</Link>
          )}
        </p>
        <dl className="facts">
          {rows.map(([field, label]) => (
            <KnownFact
              key={field}
              field={field}
              label={label}
              value={field === 'exam' ? `${known.exam} ${registration.exam.title}` : known[field]}
              problems={atField(field).map(sentence)}
            />
          ))}
          <dt>{t('exception.new.sitting')}</dt>
          <dd>
            <Instant at={registration.startsAt} timeZone={registration.centre.timeZone} />,{' '}
            {registration.centre.name}, {registration.centre.city} ({registration.provider.name})
          </dd>
        </dl>
      </section>
      <section aria-labelledby="yours" className="stack">
        <h2 id="yours">{t('exception.new.yours')}</h2>
        <ReasonField errorMessage={errorAt('reason')} />
        <TextField
          name="description"
          id="description"
          className="field"
          isInvalid={errorAt('description') !== null}
        >
          <Label>{t('exception.new.description')}</Label>
          <TextArea rows={6} />
          <Text slot="description" className="secondary">
            {reader.t('exception.new.descriptionHelp', {
              min: DESCRIPTION_MIN_LENGTH,
              max: DESCRIPTION_MAX_LENGTH,
            })}
          </Text>
          <FieldError className="field-error">{errorAt('description')}</FieldError>
        </TextField>
        <TextField
          name="providerCaseNumber"
          id="providerCaseNumber"
          className="field"
          isInvalid={errorAt('providerCaseNumber') !== null}
        >
          <Label>{t('exception.new.caseNumber')}</Label>
          <Input className="code-input case-number" spellCheck={false} autoComplete="off" />
          <Text slot="description" className="secondary">
            {reader.t('exception.new.caseNumberHelp', { provider: registration.provider.name })}
          </Text>
          <FieldError className="field-error">{errorAt('providerCaseNumber')}</FieldError>
        </TextField>
      </section>
      <ActingHowFields missing={reasonMissing} />
      {refusal !== null && problems.length === 0 && <OtherRefusal refusal={refusal} />}
      <p>{reader.t('exception.new.afterSubmit')}</p>
      <div>
        <SubmitButton busy={busy}>{reader.t('exception.new.submit')}</SubmitButton>
      </div>
    </Form>
  )
}

/** One thing examdesk knows, and what the API found wrong with it, if anything. */
function KnownFact(props: {
  readonly field: KnownField
  readonly label: string
  readonly value: string
  readonly problems: readonly string[]
}) {
  const errorId = `known-${props.field}-error`
  return (
    <>
      <dt>{props.label}</dt>
      <dd
        id={`known-${props.field}`}
        tabIndex={props.problems.length > 0 ? -1 : undefined}
        aria-describedby={props.problems.length > 0 ? errorId : undefined}
      >
        {props.value}
        {props.problems.length > 0 && (
          <span id={errorId} className="field-error known-error">
            {props.problems.join(' ')}
          </span>
        )}
      </dd>
    </>
  )
}

/** A refusal about the request as a whole: one already standing for this sitting, or any other. */
function OtherRefusal(props: { readonly refusal: unknown }) {
  if (props.refusal instanceof Problem && props.refusal.code === 'EXCEPTION_REQUEST_EXISTS')
    return <StandingRequest refusal={props.refusal} />
  return <ProblemMessage error={props.refusal} />
}

/** The request already standing for the sitting (open or approved), as the refusal names it. */
function StandingRequest(props: { readonly refusal: Problem }) {
  const { t } = useReader()
  const plain = useT()
  const { exceptionRequestId } = props.refusal.facts
  return (
    <div role="alert" className="problem">
      {t('exception.new.exists')}{' '}
      {typeof exceptionRequestId === 'string' && (
        <Link to={`/exception-requests/${exceptionRequestId}`}>
          {plain('exception.new.existsLink')}
        </Link>
      )}
    </div>
  )
}
