import type { StaffRole } from '../../../../src/domain/account'
import type { MessageId } from '../../i18n/messages/en'

/** A place in the staff console's menu, and which staff see it. */
export interface ConsolePlace {
  readonly to: string
  readonly label: MessageId
  readonly roles: readonly StaffRole[]
}

/** The console's menu, in the order staff see it; each page adds its line here. */
export const CONSOLE_PLACES: readonly ConsolePlace[] = [
  { to: '/', label: 'console.nav.search', roles: ['support', 'admin'] },
  {
    to: '/console/exception-requests',
    label: 'console.nav.exceptionQueue',
    roles: ['support', 'admin'],
  },
  { to: '/console/mail', label: 'console.nav.mailQueue', roles: ['support', 'admin'] },
  { to: '/console/betas', label: 'console.nav.betas', roles: ['support', 'admin'] },
  { to: '/console/staff', label: 'console.nav.staff', roles: ['admin'] },
  { to: '/console/exams', label: 'console.nav.exams', roles: ['admin'] },
  { to: '/console/providers', label: 'console.nav.providers', roles: ['admin'] },
  { to: '/console/offers', label: 'console.nav.offers', roles: ['admin'] },
  { to: '/console/reports', label: 'console.nav.reports', roles: ['admin'] },
]
