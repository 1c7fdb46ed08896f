import { type FormEvent, useState } from 'react'
import {
  Button,
  Dialog,
  DialogTrigger,
  Form,
  Heading,
  Label,
  Modal,
  Radio,
  RadioGroup,
  Text,
  TextArea,
  TextField,
} from 'react-aria-components'
import { STAFF_CHANNELS, type StaffChannel } from '../../acting/acting'
import { useActionKey } from '../../api/action-key'
import { useT } from '../../i18n/use-t'
import { ProblemMessage } from '../../ui/problem-message'
import { SubmitButton } from '../../ui/submit-button'

/**
 * A staff change done for a candidate that asks why first: the reason is
 * kept on the candidate's records with the staff member's name and how the
 * candidate asked. The change carries an Idempotency-Key that lasts until
 * it succeeds; a refusal is said in the question, which stays open.
 */
export function ReasonDialog(props: {
  readonly trigger: string
  /** The id of what the trigger acts on, when its label alone does not say. */
  readonly triggerDescribedBy?: string
  readonly title: string
  readonly body: string
  readonly submit: string
  /** Whether to ask how the candidate asked (a change made at their request); otherwise `web`. */
  readonly askChannel?: boolean
  act(input: { reason: string; channel: StaffChannel | 'web'; key: string }): Promise<void>
  onDone?(): Promise<void> | void
}) {
  const t = useT()
  const key = useActionKey()
  const [reason, setReason] = useState('')
  const [channel, setChannel] = useState<StaffChannel>('phone')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  async function send(event: FormEvent<HTMLFormElement>, close: () => void) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await props.act({
        reason: reason.trim(),
        channel: props.askChannel === false ? 'web' : channel,
        key: key.current,
      })
    } catch (problem) {
      setError(problem)
      setBusy(false)
      return
    }
    key.renew()
    setReason('')
    setBusy(false)
    close()
    await props.onDone?.()
  }

  return (
    <DialogTrigger>
      <Button className="button quiet" aria-describedby={props.triggerDescribedBy}>
        {props.trigger}
      </Button>
      <Modal className="modal" isDismissable>
        <Dialog className="dialog">
          {({ close }) => (
            <Form className="stack" onSubmit={(event) => send(event, close)}>
              <Heading slot="title">{props.title}</Heading>
              <p>{props.body}</p>
              <TextField className="field" value={reason} onChange={setReason} isRequired>
                <Label>{t('console.reason.label')}</Label>
                <TextArea rows={3} />
                <Text slot="description" className="secondary">
                  {t('console.reason.help')}
                </Text>
              </TextField>
              {props.askChannel !== false && (
                <RadioGroup
                  className="radio-group"
                  value={channel}
                  onChange={(value) => setChannel(value as StaffChannel)}
                >
                  <Label>{t('console.reason.channel')}</Label>
                  {STAFF_CHANNELS.map((option) => (
                    <Radio key={option} value={option} className="radio">
                      <span className="radio-dot" aria-hidden="true" />
                      {t(`console.act.channel.${option}`)}
                    </Radio>
                  ))}
                </RadioGroup>
              )}
              {error !== null && <ProblemMessage error={error} />}
              <div className="row">
                <Button className="button quiet" onPress={close}>
                  {t('console.reason.keep')}
                </Button>
                <SubmitButton busy={busy}>{props.submit}</SubmitButton>
              </div>
            </Form>
          )}
        </Dialog>
      </Modal>
    </DialogTrigger>
  )
}
