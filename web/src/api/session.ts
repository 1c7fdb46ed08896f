import { useQuery, useQueryClient } from '@tanstack/react-query'
import { STAFF_ROLES } from '../../../src/domain/account'
import { api, Problem, rememberCsrfToken } from './client'
import type { paths } from './schema'

export type Me = paths['/v1/me']['get']['responses'][200]['content']['application/json']

/** Whether the signed-in person is staff: support or admin. */
export function isStaff(me: Me | null | undefined): boolean {
  return STAFF_ROLES.some((role) => role === me?.account.role)
}

export const ME_KEY = ['me'] as const

/** The question of who is signed in on this browser: null when nobody is (the cookie is missing or its session ended). */
export const meQuery = {
  queryKey: ME_KEY,
  queryFn: async (): Promise<Me | null> => {
    try {
      const { data } = await api.GET('/v1/me')
      rememberCsrfToken(data?.csrfToken)
      return data ?? null
    } catch (error) {
      if (error instanceof Problem && error.status === 401) {
        rememberCsrfToken(undefined)
        return null
      }
      throw error
    }
  },
  staleTime: 60_000,
}

/** Who is signed in on this browser, or null when nobody is. */
export function useMe() {
  return useQuery(meQuery)
}

/** After a sign-in or sign-out every answer cached for the previous person is dropped. */
export function useSessionChanged(): () => Promise<void> {
  const client = useQueryClient()
  return async () => {
    client.clear()
    await client.invalidateQueries({ queryKey: ME_KEY })
  }
}
