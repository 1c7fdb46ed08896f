import { type FormEvent, useState } from 'react'

/**
 * A form that sends one request: held while it is on its way, its refusal
 * kept until the form is sent again. `act` reads the form's fields.
 */
export function useFormAction(act: (form: FormData, element: HTMLFormElement) => Promise<void>) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  /** Sends the form; true once the request succeeded. */
  async function submit(event: FormEvent<HTMLFormElement>): Promise<boolean> {
    event.preventDefault()
    const element = event.currentTarget
    setBusy(true)
    setError(null)
    try {
      await act(new FormData(element), element)
      return true
    } catch (problem) {
      setError(problem)
      return false
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, submit }
}

/** A form field's text, trimmed. */
export function fieldOf(form: FormData, name: string): string {
  return String(form.get(name) ?? '').trim()
}
