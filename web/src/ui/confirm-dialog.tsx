import { useState } from 'react'
import { Button, Dialog, DialogTrigger, Heading, Modal } from 'react-aria-components'
import { ProblemMessage } from './problem-message'

/**
 * A change that cannot be undone, asked about first: the trigger opens a
 * question whose safe answer has the focus; the other does the change and
 * closes the question once it is done. A refusal is said inside the
 * question, which stays open, so that the person can keep or try again.
 */
export function ConfirmDialog(props: {
  /** The button that opens the question. */
  readonly trigger: string
  /** The id of what the trigger acts on, when its label alone does not say. */
  readonly triggerDescribedBy?: string
  readonly title: string
  readonly body: string
  /** The safe answer, which has the focus. */
  readonly keep: string
  readonly confirm: string
  /** The change; a refusal it throws is shown in the question. */
  onConfirm(): Promise<void>
  /** After the question closed on a done change. */
  onConfirmed?(): Promise<void> | void
}) {
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  async function confirm(close: () => void) {
    setBusy(true)
    setError(null)
    try {
      await props.onConfirm()
    } catch (problem) {
      setError(problem)
      setBusy(false)
      return
    }
    close()
    setBusy(false)
    await props.onConfirmed?.()
  }

  return (
    <DialogTrigger>
      <Button className="button quiet danger" aria-describedby={props.triggerDescribedBy}>
        {props.trigger}
      </Button>
      <Modal className="modal" isDismissable>
        <Dialog className="dialog" role="alertdialog">
          {({ close }) => (
            <>
              <Heading slot="title">{props.title}</Heading>
              <p>{props.body}</p>
              {error !== null && <ProblemMessage error={error} />}
              <div className="row">
                <Button className="button quiet" onPress={close} autoFocus>
                  {props.keep}
                </Button>
                <Button
                  className="button primary danger"
                  isDisabled={busy}
                  onPress={() => confirm(close)}
                >
                  {props.confirm}
                </Button>
              </div>
            </>
          )}
        </Dialog>
      </Modal>
    </DialogTrigger>
  )
}
