import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Button } from 'react-aria-components'
import { useIntl } from 'react-intl'
import { $api, api } from '../../api/client'
import type { paths } from '../../api/schema'
import { useT } from '../../i18n/use-t'
import { formatOnClock } from '../../time/format'
import { ProblemMessage } from '../../ui/problem-message'
import { nameBrowser } from './browser-name'

type Session =
  paths['/v1/me/sessions']['get']['responses'][200]['content']['application/json']['items'][number]

/** How many ended sessions are worth showing: enough to spot one that ended unexpectedly. */
const ENDED_SHOWN = 5

/**
 * Every browser signed in to the account, this one marked; any other can be
 * ended from here, which signs it out at once. A few recently ended below.
 */
export function SessionsSection({ timeZone }: { timeZone: string }) {
  const t = useT()
  const query = $api.useQuery('get', '/v1/me/sessions')
  const [error, setError] = useState<unknown>(null)
  const [ended, setEnded] = useState(false)
  const queries = useQueryClient()
  const items = query.data?.items ?? []
  const open = items.filter((session) => session.endedAt === null)
  const closed = items.filter((session) => session.endedAt !== null).slice(0, ENDED_SHOWN)

  async function end(session: Session) {
    setError(null)
    setEnded(false)
    try {
      await api.POST('/v1/me/sessions/{id}/end', { params: { path: { id: session.id } } })
      setEnded(true)
      await queries.invalidateQueries({ queryKey: ['get', '/v1/me/sessions'] })
    } catch (problem) {
      setError(problem)
    }
  }

  return (
    <section aria-labelledby="sessions" className="stack">
      <h2 id="sessions">{t('account.sessions')}</h2>
      <p className="secondary">{t('account.sessionsHelp')}</p>
      {query.isPending && <p>{t('common.loading')}</p>}
      {query.error !== null && <ProblemMessage error={query.error} />}
      {ended && (
        <p role="status" className="confirmation">
          {t('account.session.ended')}
        </p>
      )}
      {error !== null && <ProblemMessage error={error} />}
      <ul className="cards">
        {open.map((session) => (
          <li key={session.id} className="card">
            <OpenSession session={session} timeZone={timeZone} onEnd={() => end(session)} />
          </li>
        ))}
      </ul>
      {closed.length > 0 && (
        <>
          <h3>{t('account.session.endedList')}</h3>
          <ul className="plain-list secondary">
            {closed.map((session) => (
              <li key={session.id}>
                <EndedSession session={session} timeZone={timeZone} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

function useDevice(): (session: Session) => string {
  const t = useT()
  return (session) => {
    const named = nameBrowser(session.userAgent)
    return named === null
      ? t('account.session.unknownDevice')
      : t('account.session.device', { ...named })
  }
}

function OpenSession(props: { session: Session; timeZone: string; onEnd(): Promise<void> }) {
  const t = useT()
  const intl = useIntl()
  const device = useDevice()
  const { session } = props
  const [busy, setBusy] = useState(false)
  const describedBy = `session-${session.id}`
  const when = (at: string) => formatOnClock(intl.locale, at, props.timeZone)
  return (
    <div className="row spread">
      <div id={describedBy}>
        <strong>{device(session)}</strong>
        {session.current && (
          <>
            {' '}
            <span className="badge">{t('account.session.current')}</span>
          </>
        )}
        <div className="secondary">
          {[
            session.address === null
              ? null
              : t('account.session.from', { address: session.address }),
            t('account.session.since', { at: when(session.createdAt) }),
            t('account.session.seen', { at: when(session.lastSeenAt) }),
          ]
            .filter((part) => part !== null)
            .join(' · ')}
        </div>
      </div>
      {/* This browser's own session ends by signing out, in the header. */}
      {!session.current && (
        <Button
          className="button quiet danger"
          aria-describedby={describedBy}
          isDisabled={busy}
          onPress={async () => {
            setBusy(true)
            await props.onEnd()
            setBusy(false)
          }}
        >
          {t('account.session.end')}
        </Button>
      )}
    </div>
  )
}

function EndedSession({ session, timeZone }: { session: Session; timeZone: string }) {
  const t = useT()
  const intl = useIntl()
  const device = useDevice()
  return (
    <>
      {t('account.session.endedLine', {
        device: device(session),
        reason: t(`account.session.endedReason.${session.endedReason ?? 'ended'}`),
        at: formatOnClock(intl.locale, session.endedAt!, timeZone),
      })}
    </>
  )
}
