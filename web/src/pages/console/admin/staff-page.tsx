import type { Me } from '../../../api/session'
import { useT } from '../../../i18n/use-t'
import { usePageTitle } from '../../../ui/page-title'
import { AdminOnly } from './admin-only'
import { StaffAccountsSection } from './staff-accounts-section'
import { TokensSection } from './tokens-section'

/** `/console/staff`: an admin's staff accounts and machine tokens. */
export function StaffPage({ me }: { me: Me }) {
  return (
    <AdminOnly me={me}>
      <Staff me={me} />
    </AdminOnly>
  )
}

function Staff({ me }: { me: Me }) {
  const t = useT()
  usePageTitle(t('console.staff.title'))
  return (
    <div className="stack admin-page">
      <h1>{t('console.staff.title')}</h1>
      <StaffAccountsSection me={me} />
      <TokensSection />
    </div>
  )
}
