import { useQueryClient } from '@tanstack/react-query'
import {
  Button,
  Dialog,
  DialogTrigger,
  Form,
  Heading,
  Input,
  Label,
  Modal,
  Text,
  TextField,
} from 'react-aria-components'
import { api } from '../../../api/client'
import { useT } from '../../../i18n/use-t'
import { ProblemMessage } from '../../../ui/problem-message'
import { SubmitButton } from '../../../ui/submit-button'
import { fieldOf, useFormAction } from './use-form-action'

/**
 * Disabling a staff account (or enabling it again), asked first and with a
 * reason that the audit trail keeps beside the admin's name. Disabling ends
 * the person's sessions at once: the question says so before it is done.
 */
export function StaffAccountAccess(props: {
  readonly id: string
  readonly name: string
  readonly disabled: boolean
}) {
  const t = useT()
  const queries = useQueryClient()
  const verb = props.disabled ? 'enable' : 'disable'
  const change = useFormAction(async (form) => {
    await api.POST(`/v1/admin/accounts/{id}/${verb}`, {
      params: { path: { id: props.id } },
      body: { reason: fieldOf(form, 'reason') },
    })
    await queries.invalidateQueries({ queryKey: ['get', '/v1/admin/accounts'] })
  })
  return (
    <DialogTrigger>
      <Button className={props.disabled ? 'button quiet' : 'button quiet danger'}>
        {t(`console.staff.${verb}`, { name: props.name })}
      </Button>
      <Modal className="modal" isDismissable>
        <Dialog className="dialog" role="alertdialog">
          {({ close }) => (
            <Form
              className="stack"
              onSubmit={async (event) => {
                if (await change.submit(event)) close()
              }}
            >
              <Heading slot="title">
                {t(`console.staff.${verb}Title`, { name: props.name })}
              </Heading>
              <p>{t(`console.staff.${verb}Body`, { name: props.name })}</p>
              <TextField name="reason" isRequired className="field" maxLength={500}>
                <Label>{t('console.staff.accessReason')}</Label>
                <Input autoComplete="off" />
                <Text slot="description" className="secondary">
                  {t('console.staff.accessReasonHelp')}
                </Text>
              </TextField>
              {change.error !== null && <ProblemMessage error={change.error} />}
              <div className="row">
                <Button className="button quiet" onPress={close} autoFocus>
                  {t('console.staff.cancel')}
                </Button>
                <SubmitButton busy={change.busy}>{t(`console.staff.${verb}Confirm`)}</SubmitButton>
              </div>
            </Form>
          )}
        </Dialog>
      </Modal>
    </DialogTrigger>
  )
}
