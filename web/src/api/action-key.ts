import { useRef } from 'react'

/**
 * The Idempotency-Key of one change a person is making: the same for every
 * press until it succeeds, so that a double click or a retry after a lost
 * answer acts once; a new one after, for the next change.
 */
export function useActionKey(): { readonly current: string; renew(): void } {
  const key = useRef(crypto.randomUUID())
  return {
    get current() {
      return key.current
    },
    renew() {
      key.current = crypto.randomUUID()
    },
  }
}
