import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Button, Form, Input, Label, TextField } from 'react-aria-components'
import { $api, api } from '../../../api/client'
import { useProviderNames } from '../../../api/provider-names'
import type { MessageId } from '../../../i18n/messages/en'
import { useT } from '../../../i18n/use-t'
import { ConfirmDialog } from '../../../ui/confirm-dialog'
import { ProblemMessage } from '../../../ui/problem-message'
import { QuerySection } from '../../../ui/query-section'
import { SubmitButton } from '../../../ui/submit-button'
import { OnReaderClock } from './on-reader-clock'
import { SelectField } from './select-field'
import { fieldOf, useFormAction } from './use-form-action'

type TokenRole = 'admin' | 'support' | 'provider'
const TOKENS = { params: { query: { limit: 200 } } }

/** Machine clients' tokens: made (the secret shown this once), listed, revoked. */
export function TokensSection() {
  const t = useT()
  const queries = useQueryClient()
  const tokens = $api.useQuery('get', '/v1/admin/tokens', TOKENS)
  const providers = $api.useQuery('get', '/v1/providers')
  const names = useProviderNames()
  const [role, setRole] = useState<TokenRole>('support')
  const [secret, setSecret] = useState<{ label: string; secret: string } | null>(null)
  const reload = () => queries.invalidateQueries({ queryKey: ['get', '/v1/admin/tokens'] })
  const create = useFormAction(async (form, element) => {
    setSecret(null)
    const days = Number(fieldOf(form, 'expiresInDays'))
    const { data } = await api.POST('/v1/admin/tokens', {
      body: {
        role,
        label: fieldOf(form, 'label'),
        ...(role === 'provider' ? { provider: fieldOf(form, 'provider') } : {}),
        ...(Number.isInteger(days) && days > 0 ? { expiresInDays: days } : {}),
      },
    })
    element.reset()
    setRole('support')
    await reload()
    if (data !== undefined) setSecret({ label: data.label, secret: data.secret })
  })
  const items = [...(tokens.data?.items ?? [])].reverse()

  return (
    <QuerySection
      id="tokens"
      title={t('console.tokens.title')}
      query={tokens}
      empty={tokens.data !== undefined && items.length === 0 ? t('console.tokens.none') : null}
    >
      <p className="secondary">{t('console.tokens.intro')}</p>
      {secret !== null && <NewSecret label={secret.label} secret={secret.secret} />}
      <Form onSubmit={create.submit} className="stack narrow" aria-labelledby="new-token">
        <h3 id="new-token">{t('console.tokens.new')}</h3>
        <TextField name="label" isRequired className="field">
          <Label>{t('console.tokens.label')}</Label>
          <Input autoComplete="off" />
        </TextField>
        <SelectField
          name="role"
          label={t('console.tokens.role')}
          value={role}
          onChange={(value) => setRole(value as TokenRole)}
          options={(['support', 'admin', 'provider'] as const).map((value) => ({
            value,
            label: t(`console.tokens.role.${value}` as MessageId),
          }))}
        />
        {role === 'provider' && (
          <SelectField
            name="provider"
            label={t('console.tokens.provider')}
            options={(providers.data?.items ?? []).map((provider) => ({
              value: provider.id,
              label: provider.name,
            }))}
          />
        )}
        <TextField name="expiresInDays" type="number" defaultValue="365" className="field">
          <Label>{t('console.tokens.days')}</Label>
          <Input inputMode="numeric" min={1} max={3650} />
        </TextField>
        {create.error !== null && <ProblemMessage error={create.error} />}
        <div>
          <SubmitButton busy={create.busy}>{t('console.tokens.create')}</SubmitButton>
        </div>
      </Form>
      {items.length > 0 && (
        <div className="data-table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('console.tokens.list')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('console.tokens.label')}</th>
                <th scope="col">{t('console.tokens.role')}</th>
                <th scope="col">{t('console.tokens.state')}</th>
                <th scope="col" className="wide-only">
                  {t('console.tokens.expires')}
                </th>
                <th scope="col" className="wide-only">
                  {t('console.tokens.lastUsed')}
                </th>
                <th scope="col">{t('console.staff.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((token) => (
                <tr key={token.id}>
                  <th scope="row" id={`token-${token.id}`}>
                    {token.label}
                  </th>
                  <td>
                    {t(`console.tokens.role.${token.role}` as MessageId)}
                    {token.provider !== null && (
                      <span className="secondary block">{names.name(token.provider)}</span>
                    )}
                  </td>
                  <td>{t(`console.tokens.state.${token.state}` as MessageId)}</td>
                  <td className="wide-only">
                    {token.expiresAt === null ? (
                      t('console.tokens.never')
                    ) : (
                      <OnReaderClock at={token.expiresAt} />
                    )}
                  </td>
                  <td className="wide-only">
                    {token.lastUsedAt === null ? (
                      t('console.tokens.notUsed')
                    ) : (
                      <OnReaderClock at={token.lastUsedAt} />
                    )}
                  </td>
                  <td>
                    {token.state === 'revoked' ? (
                      token.revokedAt !== null && (
                        <span className="secondary">
                          {t('console.tokens.revokedAt')} <OnReaderClock at={token.revokedAt} />
                        </span>
                      )
                    ) : (
                      <ConfirmDialog
                        trigger={t('console.tokens.revoke')}
                        triggerDescribedBy={`token-${token.id}`}
                        title={t('console.tokens.revokeTitle', { label: token.label })}
                        body={t('console.tokens.revokeBody')}
                        keep={t('console.tokens.keep')}
                        confirm={t('console.tokens.revokeConfirm')}
                        onConfirm={async () => {
                          await api.POST('/v1/admin/tokens/{id}/revoke', {
                            params: { path: { id: token.id } },
                          })
                        }}
                        onConfirmed={reload}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </QuerySection>
  )
}

/** The secret of a token just made: shown this once, with the way to copy it. */
function NewSecret({ label, secret }: { label: string; secret: string }) {
  const t = useT()
  const [copied, setCopied] = useState(false)
  return (
    <div className="confirmation token-secret" role="status">
      <p>
        <strong>{t('console.tokens.made', { label })}</strong>
      </p>
      <p>{t('console.tokens.copyHint')}</p>
      <p>
        <code className="voucher-code">{secret}</code>
      </p>
      <Button
        className="button"
        onPress={async () => {
          await navigator.clipboard?.writeText(secret)
          setCopied(true)
        }}
      >
        {copied ? t('console.tokens.copied') : t('console.tokens.copy')}
      </Button>
    </div>
  )
}
