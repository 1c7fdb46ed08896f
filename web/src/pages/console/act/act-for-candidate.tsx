/** Acting for a candidate from their page (booking, codes, requests): a place held until that part is built. */
export function ActForCandidate(_props: { candidateId: string }) {
  return null
}
