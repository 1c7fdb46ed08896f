import { useParams, useSearchParams } from 'react-router'
import type { Me } from '../../../api/session'
import { BookPage } from '../../book/book-page'
import { SeatsPage } from '../../seats/seats-page'
import { CandidateActedFor } from './candidate-acted-for'

/**
 * `/console/candidates/:id/book`: support books a seat for a candidate on
 * the line with the candidate's own pages: the seat search (near their
 * city, on their clock, a day of the week ahead in one press), then the
 * chosen seat with the code preview, ticks and payment the candidate would
 * see, and the channel and reason they will read beside the agent's name.
 */
export function BookForCandidatePage({ me }: { me: Me }) {
  const { id = '' } = useParams()
  const [params] = useSearchParams()
  return (
    <CandidateActedFor candidateId={id}>
      {() => (params.has('slot') ? <BookPage me={me} /> : <SeatsPage me={me} />)}
    </CandidateActedFor>
  )
}
