import { type ReactNode, useState } from 'react'
import { type ActedFor, ActingProvider, actingFor, type StaffHow } from './acting'

/**
 * Staff's pages for one candidate: what is inside acts for them and names
 * them where the candidate would read "you", and the channel and reason
 * typed once serve every act on the page (one call, one reason), each act
 * still refused by the API without one.
 */
export function ActingForCandidate(props: {
  readonly candidate: ActedFor
  readonly children: ReactNode
}) {
  const [how, setHow] = useState<StaffHow>({ channel: 'phone', reason: '' })
  return (
    <ActingProvider acting={actingFor(props.candidate, how, setHow)}>
      {props.children}
    </ActingProvider>
  )
}
