import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useIntl } from 'react-intl'
import { $api, api } from '../../api/client'
import type { paths } from '../../api/schema'
import { useT } from '../../i18n/use-t'
import { formatDay } from '../../time/format'
import { ConfirmDialog } from '../../ui/confirm-dialog'
import { ProblemMessage } from '../../ui/problem-message'
import { AddPasskey } from './add-passkey'

type Passkey =
  paths['/v1/me/passkeys']['get']['responses'][200]['content']['application/json']['items'][number]

/**
 * The account's passkeys, with when each was added and last used; one is
 * removed after a question; another is added on this device below.
 */
export function PasskeysSection({ timeZone }: { timeZone: string }) {
  const t = useT()
  const query = $api.useQuery('get', '/v1/me/passkeys')
  const [removed, setRemoved] = useState<string | null>(null)
  const items = query.data?.items ?? []
  return (
    <section aria-labelledby="passkeys" className="stack">
      <h2 id="passkeys">{t('account.passkeys')}</h2>
      <p className="secondary">{t('account.passkeysHelp')}</p>
      {query.isPending && <p>{t('common.loading')}</p>}
      {query.error !== null && <ProblemMessage error={query.error} />}
      {removed !== null && (
        <p role="status" className="confirmation">
          {t('account.passkey.removed', { name: removed })}
        </p>
      )}
      {query.isSuccess && items.length === 0 && <p>{t('account.noPasskeys')}</p>}
      {items.length > 0 && (
        <ul className="cards">
          {items.map((passkey) => (
            <li key={passkey.id} className="card row spread">
              <PasskeyLine passkey={passkey} timeZone={timeZone} />
              <RemovePasskey passkey={passkey} onRemoved={() => setRemoved(passkey.name)} />
            </li>
          ))}
        </ul>
      )}
      <AddPasskey />
    </section>
  )
}

function PasskeyLine({ passkey, timeZone }: { passkey: Passkey; timeZone: string }) {
  const t = useT()
  const intl = useIntl()
  const day = (at: string) => formatDay(intl.locale, at, timeZone)
  return (
    <div id={`passkey-${passkey.id}`}>
      <strong>{passkey.name}</strong>
      <div className="secondary">
        {t('account.passkey.added', { day: day(passkey.createdAt) })} ·{' '}
        {passkey.lastUsedAt === null
          ? t('account.passkey.unused')
          : t('account.passkey.used', { day: day(passkey.lastUsedAt) })}
      </div>
    </div>
  )
}

function RemovePasskey({ passkey, onRemoved }: { passkey: Passkey; onRemoved(): void }) {
  const t = useT()
  const queries = useQueryClient()
  return (
    <ConfirmDialog
      trigger={t('account.passkey.remove')}
      triggerDescribedBy={`passkey-${passkey.id}`}
      title={t('account.passkey.removeTitle', { name: passkey.name })}
      body={t('account.passkey.removeBody')}
      keep={t('account.passkey.keep')}
      confirm={t('account.passkey.removeDo')}
      onConfirm={async () => {
        await api.POST('/v1/me/passkeys/{id}/remove', { params: { path: { id: passkey.id } } })
      }}
      onConfirmed={async () => {
        onRemoved()
        await queries.invalidateQueries({ queryKey: ['get', '/v1/me/passkeys'] })
      }}
    />
  )
}
