import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Button, Checkbox, Label, TextArea, TextField } from 'react-aria-components'
import { Link } from 'react-router'
import { api } from '../../../api/client'
import { useT } from '../../../i18n/use-t'
import { Instant } from '../../../ui/instant'
import { ProblemMessage } from '../../../ui/problem-message'
import type { Queued } from './exception-queue-page'

/**
 * One request in the queue: who, which sitting, what they say went wrong,
 * how long it has waited and when it is due; and the decision, with the
 * note the candidate is mailed and, for an approval, what it lifts.
 */
export function QueuedRequest(props: {
  readonly queued: Queued
  onDecided(sentence: string): void
}) {
  const { request, waitedMinutes, dueAt, overdue } = props.queued
  const t = useT()
  const queries = useQueryClient()
  const [note, setNote] = useState('')
  const [waivesWait, setWaivesWait] = useState(true)
  const [waivesLimit, setWaivesLimit] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const id = `request-${request.id}`
  const name = `${request.firstName} ${request.lastName}`

  async function decide(decision: 'approve' | 'deny') {
    setBusy(true)
    setError(null)
    try {
      if (decision === 'approve')
        await api.POST('/v1/exception-requests/{id}/approve', {
          params: { path: { id: request.id } },
          body: { note, waivesWait, waivesLimit },
        })
      else
        await api.POST('/v1/exception-requests/{id}/deny', {
          params: { path: { id: request.id } },
          body: { note },
        })
      props.onDecided(
        t(decision === 'approve' ? 'console.queue.approved' : 'console.queue.denied', {
          id: request.id,
          name,
        }),
      )
      await queries.invalidateQueries()
    } catch (problem) {
      setError(problem)
      setBusy(false)
    }
  }

  const days = Math.floor(waitedMinutes / 1440)
  const hours = Math.floor((waitedMinutes % 1440) / 60)
  return (
    <article className="card queued-request" aria-labelledby={`${id}-name`}>
      <h3 id={`${id}-name`} className="queued-request-title">
        <Link to={`/console/candidates/${encodeURIComponent(request.candidateId)}`}>{name}</Link> ·{' '}
        {request.exam.number} {request.exam.title}
      </h3>
      <dl className="facts">
        <dt>{t('console.queue.waited')}</dt>
        <dd>
          {t('console.queue.waitedFor', { days, hours })}
          {overdue && <strong className="attention"> {t('console.queue.overdue')}</strong>}
        </dd>
        <dt>{t('console.queue.due')}</dt>
        <dd>
          <Instant at={dueAt} timeZone={props.queued.dueAtLocal.split(' ').at(-1) ?? 'UTC'} />
        </dd>
        <dt>{t('console.queue.request')}</dt>
        <dd>
          <Link to={`/exception-requests/${request.id}`}>{request.id}</Link> ·{' '}
          {t('console.queue.sitting')}{' '}
          <Link to={`/console/registrations/${request.registrationId}`}>
            {request.registrationId}
          </Link>
        </dd>
        <dt>{t('exception.reason')}</dt>
        <dd>{t(`exception.new.reason.${request.reason}`)}</dd>
        <dt>{t('console.queue.description')}</dt>
        <dd className="prose">{request.description}</dd>
        <dt>{t('console.queue.caseNumber')}</dt>
        <dd>
          <code>{request.providerCaseNumber}</code>
        </dd>
      </dl>
      <div className="stack review">
        <TextField className="field" value={note} onChange={setNote} isRequired>
          <Label>{t('console.queue.note', { name })}</Label>
          <TextArea rows={2} />
        </TextField>
        <div className="row">
          <Checkbox className="checkbox" isSelected={waivesWait} onChange={setWaivesWait}>
            <span className="checkbox-box" aria-hidden="true" />
            {t('console.queue.waivesWait')}
          </Checkbox>
          <Checkbox className="checkbox" isSelected={waivesLimit} onChange={setWaivesLimit}>
            <span className="checkbox-box" aria-hidden="true" />
            {t('console.queue.waivesLimit')}
          </Checkbox>
        </div>
        {error !== null && <ProblemMessage error={error} />}
        <div className="row">
          <Button
            className="button primary"
            isDisabled={busy}
            aria-busy={busy}
            aria-describedby={`${id}-name`}
            onPress={() => decide('approve')}
          >
            {t('console.queue.approve')}
          </Button>
          <Button
            className="button"
            isDisabled={busy}
            aria-busy={busy}
            aria-describedby={`${id}-name`}
            onPress={() => decide('deny')}
          >
            {t('console.queue.deny')}
          </Button>
        </div>
      </div>
    </article>
  )
}
