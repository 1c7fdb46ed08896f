import { $api } from './client'

/** The zone of the candidate's own clock, for dates about them; UTC until their record has come. */
export function useCandidateZone(candidateId: string): string {
  const candidate = $api.useQuery('get', '/v1/candidates/{id}', {
    params: { path: { id: candidateId } },
  })
  return candidate.data?.timeZone ?? 'UTC'
}
