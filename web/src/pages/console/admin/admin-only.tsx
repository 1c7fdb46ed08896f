import type { ReactNode } from 'react'
import type { Me } from '../../../api/session'
import { NotFoundPage } from '../../not-found'

/** An admin's page: support is told there is no such page, as for any unknown address (the API refuses anyway). */
export function AdminOnly({ me, children }: { me: Me; children: ReactNode }) {
  return me.account.role === 'admin' ? children : <NotFoundPage />
}
