import type { paths } from './schema'

type Json<P extends keyof paths, M extends 'get'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } }
}
  ? T
  : never

export type Registration = Json<'/v1/registrations/{id}', 'get'>['registration']
export type RegistrationListItem = Json<'/v1/candidates/{id}/registrations', 'get'>['items'][number]

/** Statuses of a registration still ahead of the candidate. */
export const UPCOMING: ReadonlySet<Registration['status']> = new Set(['booked', 'checked-in'])

export type Exam = Json<'/v1/exams/{number}', 'get'>
export type Eligibility = Json<'/v1/candidates/{id}/eligibility', 'get'>
export type Timeline = Json<'/v1/candidates/{id}/timeline', 'get'>
export type Candidate = Json<'/v1/candidates/{id}', 'get'>
