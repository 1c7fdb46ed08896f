import type { ReactNode } from 'react'
import { Button } from 'react-aria-components'

/**
 * A form's button, held while its request is on its way so that a second
 * press sends nothing. (react-aria's `isPending` leaves announcements in the
 * page that point at ids gone by then, which axe rightly reports.)
 */
export function SubmitButton({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <Button type="submit" className="button primary" isDisabled={busy} aria-busy={busy}>
      {children}
    </Button>
  )
}
