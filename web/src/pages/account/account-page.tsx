import { $api } from '../../api/client'
import type { Me } from '../../api/session'
import { useT } from '../../i18n/use-t'
import { readerTimeZone } from '../../time/format'
import { usePageTitle } from '../../ui/page-title'
import { IdentitiesSection } from './identities-section'
import { PasskeysSection } from './passkeys-section'
import { ProfileSection } from './profile-section'
import { SessionsSection } from './sessions-section'

/**
 * `/account`: the profile (name and time zone changed here), where the
 * person is signed in (another browser ended from here), their passkeys and
 * linked identities. Times are on the profile's clock, or the browser's for
 * staff, who have no profile.
 */
export function AccountPage({ me }: { me: Me }) {
  const t = useT()
  usePageTitle(t('account.title'))
  const candidateId = me.account.candidateId
  const candidate = $api.useQuery(
    'get',
    '/v1/candidates/{id}',
    { params: { path: { id: candidateId ?? '' } } },
    { enabled: candidateId !== null },
  )
  const timeZone = candidate.data?.timeZone ?? readerTimeZone()
  return (
    <>
      <h1>{t('account.title')}</h1>
      <div className="account-grid">
        {candidateId === null ? (
          <p>{t('account.staff', { role: me.account.role })}</p>
        ) : (
          <ProfileSection candidateId={candidateId} />
        )}
        <SessionsSection timeZone={timeZone} />
        <PasskeysSection timeZone={timeZone} />
        <IdentitiesSection timeZone={timeZone} />
      </div>
    </>
  )
}
