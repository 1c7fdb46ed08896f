import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import {
  Button,
  Dialog,
  DialogTrigger,
  Form,
  Heading,
  Input,
  Label,
  Modal,
  TextField,
} from 'react-aria-components'
import { $api, api } from '../../../api/client'
import type { Me } from '../../../api/session'
import type { MessageId } from '../../../i18n/messages/en'
import { useT } from '../../../i18n/use-t'
import { ProblemMessage } from '../../../ui/problem-message'
import { QuerySection } from '../../../ui/query-section'
import { SubmitButton } from '../../../ui/submit-button'
import { OnReaderClock } from './on-reader-clock'
import { SelectField } from './select-field'
import { StaffAccountAccess } from './staff-account-access'
import { fieldOf, useFormAction } from './use-form-action'

const STAFF = { params: { query: { kind: 'staff' as const, limit: 200 } } }

/**
 * Support agents' and admins' accounts: listed, made, an email changed
 * (confirmed by its owner), and disabled or enabled again (not one's own).
 */
export function StaffAccountsSection({ me }: { me: Me }) {
  const t = useT()
  const queries = useQueryClient()
  const accounts = $api.useQuery('get', '/v1/admin/accounts', STAFF)
  const [made, setMade] = useState<string | null>(null)
  const create = useFormAction(async (form, element) => {
    setMade(null)
    const { data } = await api.POST('/v1/admin/accounts', {
      body: {
        role: fieldOf(form, 'role') === 'admin' ? 'admin' : 'support',
        displayName: fieldOf(form, 'displayName'),
        email: fieldOf(form, 'email'),
      },
    })
    element.reset()
    await queries.invalidateQueries({ queryKey: ['get', '/v1/admin/accounts'] })
    if (data !== undefined)
      setMade(t('console.staff.made', { name: data.displayName, email: data.email }))
  })
  const items = accounts.data?.items ?? []

  return (
    <QuerySection
      id="staff-accounts"
      title={t('console.staff.accounts')}
      query={accounts}
      empty={null}
    >
      {items.length > 0 && (
        <div className="data-table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('console.staff.name')}</th>
                <th scope="col">{t('console.staff.email')}</th>
                <th scope="col">{t('console.staff.role')}</th>
                <th scope="col" className="wide-only">
                  {t('console.staff.since')}
                </th>
                <th scope="col">{t('console.staff.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((account) => (
                <tr key={account.id}>
                  <th scope="row">{account.displayName}</th>
                  <td>
                    {account.email}
                    {account.emailVerifiedAt === null && (
                      <span className="secondary block">{t('console.staff.notSignedIn')}</span>
                    )}
                  </td>
                  <td>
                    {t(`console.staff.role.${account.role}` as MessageId)}
                    {account.disabledAt !== null && (
                      <span className="attention block">
                        {t('console.staff.disabledSince')} <OnReaderClock at={account.disabledAt} />
                      </span>
                    )}
                  </td>
                  <td className="wide-only">
                    <OnReaderClock at={account.createdAt} />
                  </td>
                  <td>
                    <div className="row">
                      <ChangeEmail id={account.id} name={account.displayName} />
                      {account.id === me.account.id ? (
                        <span className="secondary">{t('console.staff.you')}</span>
                      ) : (
                        <StaffAccountAccess
                          id={account.id}
                          name={account.displayName}
                          disabled={account.disabledAt !== null}
                        />
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Form onSubmit={create.submit} className="stack narrow" aria-labelledby="new-staff">
        <h3 id="new-staff">{t('console.staff.new')}</h3>
        <p className="secondary">{t('console.staff.newHelp')}</p>
        <TextField name="displayName" isRequired className="field">
          <Label>{t('console.staff.name')}</Label>
          <Input autoComplete="off" />
        </TextField>
        <TextField name="email" type="email" isRequired className="field">
          <Label>{t('console.staff.email')}</Label>
          <Input autoComplete="off" />
        </TextField>
        <SelectField
          name="role"
          label={t('console.staff.role')}
          defaultValue="support"
          options={[
            { value: 'support', label: t('console.staff.role.support') },
            { value: 'admin', label: t('console.staff.role.admin') },
          ]}
        />
        {create.error !== null && <ProblemMessage error={create.error} />}
        {made !== null && (
          <p role="status" className="confirmation">
            {made}
          </p>
        )}
        <div>
          <SubmitButton busy={create.busy}>{t('console.staff.create')}</SubmitButton>
        </div>
      </Form>
    </QuerySection>
  )
}

/** A new email for a staff account: mailed a link and a code, changed once its owner confirms. */
function ChangeEmail({ id, name }: { id: string; name: string }) {
  const t = useT()
  const [sent, setSent] = useState<string | null>(null)
  const change = useFormAction(async (form) => {
    const email = fieldOf(form, 'email')
    await api.POST('/v1/admin/accounts/{id}/email', {
      params: { path: { id } },
      body: { email },
    })
    setSent(t('console.staff.emailSent', { email }))
  })
  return (
    <DialogTrigger onOpenChange={() => setSent(null)}>
      <Button className="button quiet">{t('console.staff.changeEmail', { name })}</Button>
      <Modal className="modal" isDismissable>
        <Dialog className="dialog">
          {({ close }) => (
            <>
              <Heading slot="title">{t('console.staff.changeEmailTitle', { name })}</Heading>
              <p>{t('console.staff.changeEmailHelp')}</p>
              {sent === null ? (
                <Form onSubmit={change.submit} className="stack">
                  <TextField name="email" type="email" isRequired className="field" autoFocus>
                    <Label>{t('console.staff.newEmail')}</Label>
                    <Input autoComplete="off" />
                  </TextField>
                  {change.error !== null && <ProblemMessage error={change.error} />}
                  <div className="row">
                    <Button className="button quiet" onPress={close}>
                      {t('console.staff.cancel')}
                    </Button>
                    <SubmitButton busy={change.busy}>{t('console.staff.sendLink')}</SubmitButton>
                  </div>
                </Form>
              ) : (
                <>
                  <p role="status" className="confirmation">
                    {sent}
                  </p>
                  <Button className="button" onPress={close} autoFocus>
                    {t('console.staff.close')}
                  </Button>
                </>
              )}
            </>
          )}
        </Dialog>
      </Modal>
    </DialogTrigger>
  )
}
