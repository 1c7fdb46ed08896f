import { useState } from 'react'
import { Button, Input, Label, Text, TextField } from 'react-aria-components'
import { api } from '../../api/client'
import { type CodePreview, CodePreviewPanel } from '../../codes/code-preview'
import { useT } from '../../i18n/use-t'
import { ProblemMessage } from '../../ui/problem-message'

/** The code a booking will use, once its preview has been seen. */
export interface CodeChoice {
  readonly code: string | null
  readonly preview: CodePreview | null
  readonly forfeitAcknowledged: boolean
  /** Text typed in the field whose preview has not been seen yet: the booking waits for it. */
  readonly pending: boolean
}

export const NO_CODE: CodeChoice = {
  code: null,
  preview: null,
  forfeitAcknowledged: false,
  pending: false,
}

/**
 * The code field, in plain sight from the start (the seeds' voucher field
 * hid at the top of a page scrolled past). Whatever is typed is shown for
 * what it would do on this very seat before anything is booked; the booking
 * takes a code only after that.
 */
export function CodeField(props: {
  readonly candidateId: string
  readonly exam: string
  readonly slotId: string
  readonly choice: CodeChoice
  onChange(choice: CodeChoice): void
}) {
  const t = useT()
  const [text, setText] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  async function preview() {
    const code = text.trim()
    if (code === '') return
    setBusy(true)
    setError(null)
    try {
      const { data } = await api.GET('/v1/vouchers/{code}/preview', {
        params: {
          path: { code },
          query: { candidateId: props.candidateId, exam: props.exam, slotId: props.slotId },
        },
      })
      props.onChange({ code, preview: data!, forfeitAcknowledged: false, pending: false })
    } catch (problem) {
      setError(problem)
      props.onChange({ ...NO_CODE, pending: true })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="code-section" className="code-section">
      <h2 id="code-section">{t('book.codeSection')}</h2>
      <div className="row code-row">
        <TextField
          className="field grow"
          value={text}
          onChange={(value) => {
            setText(value)
            setError(null)
            props.onChange(value.trim() === '' ? NO_CODE : { ...NO_CODE, pending: true })
          }}
        >
          <Label>{t('code.field')}</Label>
          <Input
            className="code-input"
            spellCheck={false}
            autoCapitalize="characters"
            autoComplete="off"
            onKeyDown={(event) => {
              // Enter previews the code; it never books.
              if (event.key === 'Enter') {
                event.preventDefault()
                void preview()
              }
            }}
          />
          <Text slot="description" className="secondary">
            {t('code.fieldHelp')}
          </Text>
        </TextField>
        <Button className="button quiet" onPress={preview} isDisabled={busy || text.trim() === ''}>
          {t('code.check')}
        </Button>
      </div>
      {error !== null && <ProblemMessage error={error} />}
      {props.choice.preview !== null && (
        <CodePreviewPanel
          preview={props.choice.preview}
          forfeitAcknowledged={props.choice.forfeitAcknowledged}
          onForfeitAcknowledged={(acknowledged) =>
            props.onChange({ ...props.choice, forfeitAcknowledged: acknowledged })
          }
        />
      )}
    </section>
  )
}
