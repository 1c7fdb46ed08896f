import { useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { Button } from 'react-aria-components'
import { useIntl } from 'react-intl'
import { api, Problem } from '../../../api/client'
import type { paths } from '../../../api/schema'
import { useT } from '../../../i18n/use-t'
import { readerTimeZone } from '../../../time/format'
import { ConfirmDialog } from '../../../ui/confirm-dialog'
import { Instant } from '../../../ui/instant'
import { ProblemMessage } from '../../../ui/problem-message'
import { Say } from './say'
import { type SelfCheck, SelfCheckResult } from './self-check-result'

export type Wave = paths['/v1/waves/{id}']['get']['responses'][200]['content']['application/json']

/** A self-check under way, or what the last one found. */
export type CheckState =
  | { readonly running: true }
  | { readonly running: false; readonly report: SelfCheck }

const HOUR_MS = 3_600_000

/**
 * One wave as an admin runs it: where it stands, its live counts, its
 * priority clock, its last self-check, and what can be done to it now.
 */
export function WaveCard(props: {
  readonly wave: Wave
  readonly admin: boolean
  readonly check: CheckState | undefined
  onCheck(): Promise<void>
  onChecked(report: SelfCheck): void
}) {
  const { wave, admin, check } = props
  const t = useT()
  const intl = useIntl()
  const queries = useQueryClient()
  const zone = readerTimeZone()
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const [sent, setSent] = useState<number | null>(null)
  const headingId = `wave-${wave.position}`

  async function act(action: 'pause' | 'resume') {
    setBusy(true)
    setError(null)
    try {
      const params = { params: { path: { id: wave.id } } }
      if (action === 'pause') await api.POST('/v1/waves/{id}/pause', params)
      else await api.POST('/v1/waves/{id}/resume', params)
    } catch (problem) {
      if (!showFailedCheck(problem)) setError(problem)
    } finally {
      setBusy(false)
      await queries.invalidateQueries()
    }
  }

  /** A refused self-check is said as the self-check's own result, by the wave. */
  function showFailedCheck(problem: unknown): boolean {
    if (!(problem instanceof Problem) || problem.code !== 'WAVE_SELF_CHECK_FAILED') return false
    const fact = (name: string) =>
      typeof problem.facts[name] === 'string' ? (problem.facts[name] as string) : null
    props.onChecked({
      waveId: wave.id,
      checkedAt: '',
      passed: false,
      candidateId: fact('candidateId'),
      candidateName: null,
      slotId: fact('slotId'),
      channel: fact('channel'),
      problemCode: fact('problemCode'),
      problemDetail: fact('problemDetail'),
      note: null,
    })
    return true
  }

  const count = (n: number) => intl.formatNumber(n)
  return (
    <li className="card wave-card">
      <h3 id={headingId}>
        {t('console.wave.heading', { position: wave.position, name: wave.name })}{' '}
        <span className={`wave-status wave-status-${wave.status}`}>
          {t(`console.wave.status.${wave.status}`)}
        </span>
      </h3>
      <dl className="facts">
        <dt>{t('console.wave.audience')}</dt>
        <dd>{t(`console.wave.audience.${wave.audience as 'list'}`)}</dd>
        <dt>{t('console.wave.codeMode')}</dt>
        <dd>{t(`console.wave.codeMode.${wave.codeMode as 'per-wave'}`)}</dd>
        {wave.code !== null && (
          <>
            <dt>{t('console.wave.bearerCode')}</dt>
            <dd>
              <code>{wave.code}</code>
            </dd>
          </>
        )}
      </dl>
      <dl className="wave-counts">
        <div>
          <dt>{t('console.wave.invited')}</dt>
          <dd>{count(wave.invited)}</dd>
        </div>
        <div>
          <dt>{t('console.wave.mailed')}</dt>
          <dd>{count(wave.mailed)}</dd>
        </div>
        <div>
          <dt>{t('console.wave.delivered')}</dt>
          <dd>{count(wave.delivered)}</dd>
        </div>
        <div>
          <dt>{t('console.wave.registered')}</dt>
          <dd>{count(wave.registered)}</dd>
        </div>
        <div>
          <dt>{t('console.wave.seatsLeft')}</dt>
          <dd>{count(wave.seatsLeft)}</dd>
        </div>
      </dl>
      <WaveClock wave={wave} zone={zone} />
      {check?.running === true && <p role="status">{t('console.wave.checking')}</p>}
      {check?.running === false && (
        <SelfCheckResult position={wave.position} check={check.report} />
      )}
      {error !== null && <ProblemMessage error={error} />}
      {sent !== null && <p role="status">{t('console.wave.sent', { now: sent })}</p>}
      {admin && wave.status !== 'withdrawn' && (
        <div className="row">
          <Button
            className="button quiet"
            isDisabled={check?.running === true}
            aria-describedby={headingId}
            onPress={props.onCheck}
          >
            {t('console.wave.check')}
          </Button>
          {wave.status === 'draft' && (
            <>
              <ConfirmDialog
                trigger={t('console.wave.open')}
                triggerDescribedBy={headingId}
                title={t('console.wave.open.question', {
                  position: wave.position,
                  name: wave.name,
                })}
                body={t('console.wave.open.body', { invited: wave.invited })}
                keep={t('console.wave.keep')}
                confirm={t('console.wave.open.confirm')}
                onConfirm={async () => {
                  try {
                    await api.POST('/v1/waves/{id}/open', { params: { path: { id: wave.id } } })
                  } catch (problem) {
                    if (!showFailedCheck(problem)) throw problem
                  }
                }}
                onConfirmed={() => queries.invalidateQueries()}
              />
              <ConfirmDialog
                trigger={t('console.wave.withdraw')}
                triggerDescribedBy={headingId}
                title={t('console.wave.withdraw.question', {
                  position: wave.position,
                  name: wave.name,
                })}
                body={t('console.wave.withdraw.body')}
                keep={t('console.wave.keep')}
                confirm={t('console.wave.withdraw.confirm')}
                onConfirm={async () => {
                  await api.POST('/v1/waves/{id}/withdraw', { params: { path: { id: wave.id } } })
                }}
                onConfirmed={() => queries.invalidateQueries()}
              />
            </>
          )}
          {wave.status === 'open' && (
            <>
              <ConfirmDialog
                trigger={t('console.wave.send')}
                triggerDescribedBy={headingId}
                title={t('console.wave.send.question', { position: wave.position })}
                body={t('console.wave.send.body', { left: wave.invited - wave.mailed })}
                keep={t('console.wave.keep')}
                confirm={t('console.wave.send.confirm')}
                onConfirm={async () => {
                  const { data } = await api.POST('/v1/waves/{id}/send', {
                    params: { path: { id: wave.id } },
                  })
                  setSent(data?.enqueuedNow ?? 0)
                }}
                onConfirmed={() => queries.invalidateQueries()}
              />
              <Button
                className="button quiet"
                isDisabled={busy}
                aria-describedby={headingId}
                onPress={() => act('pause')}
              >
                {t('console.wave.pause')}
              </Button>
            </>
          )}
          {wave.status === 'paused' && (
            <Button
              className="button quiet"
              isDisabled={busy}
              aria-describedby={headingId}
              onPress={() => act('resume')}
            >
              {t('console.wave.resume')}
            </Button>
          )}
        </div>
      )}
    </li>
  )
}

/** When the wave opened, and its priority clock: until when its invitees have the seats first, or why that cannot be said. */
function WaveClock({ wave, zone }: { wave: Wave; zone: string }) {
  const t = useT()
  const at = (instant: string) => <Instant at={instant} timeZone={zone} />
  return (
    <div className="wave-clock">
      <h4>{t('console.wave.priority')}</h4>
      {wave.status === 'withdrawn' && wave.withdrawnAt !== null && (
        <p>
          <Say id="console.wave.withdrawnAt" values={{ at: at(wave.withdrawnAt) }} />
        </p>
      )}
      {wave.status === 'draft' &&
        (wave.mayOpenAt === null ? (
          <p>{t('console.wave.mayOpenUnknown')}</p>
        ) : (
          <p>
            <Say id="console.wave.mayOpenAt" values={{ at: at(wave.mayOpenAt) }} />
          </p>
        ))}
      {wave.openedAt !== null && (
        <p>
          <Say id="console.wave.openedAt" values={{ at: at(wave.openedAt) }} />
        </p>
      )}
      {wave.status !== 'withdrawn' && <p>{priorityText(wave, at, t)}</p>}
    </div>
  )
}

function priorityText(
  wave: Wave,
  at: (instant: string) => ReactNode,
  t: ReturnType<typeof useT>,
): ReactNode {
  if (wave.nextWave === null) return t('console.wave.priority.none')
  const next = wave.nextWave
  if (wave.status === 'draft') {
    const hours = Math.round((wave.priorityLeftMs ?? 0) / HOUR_MS)
    return t('console.wave.priority.draft', { next, hours })
  }
  if (wave.priorityEndsAt === null) {
    return t('console.wave.priority.paused', { hours: (wave.priorityLeftMs ?? 0) / HOUR_MS })
  }
  return (
    <Say
      id={wave.priorityLeftMs === 0 ? 'console.wave.priority.over' : 'console.wave.priority.until'}
      values={{ at: at(wave.priorityEndsAt), next }}
    />
  )
}
