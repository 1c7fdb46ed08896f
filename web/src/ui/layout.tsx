import type { ReactNode } from 'react'
import { Button } from 'react-aria-components'
import { NavLink, useNavigate } from 'react-router'
import { api } from '../api/client'
import { isStaff, useMe, useSessionChanged } from '../api/session'
import type { MessageId } from '../i18n/messages/en'
import { useT } from '../i18n/use-t'
import { CONSOLE_PLACES } from '../pages/console/console-nav'
import { LocaleSwitcher } from './locale-switcher'

const CANDIDATE_PLACES: readonly { to: string; label: MessageId }[] = [
  { to: '/', label: 'layout.home' },
]

/**
 * Every page's frame: a skip link, the header with the places a candidate
 * goes (for staff, the console's), the page, and help in the same place
 * at the foot of every page.
 */
export function Layout({ children }: { children: ReactNode }) {
  const t = useT()
  const me = useMe()
  const navigate = useNavigate()
  const sessionChanged = useSessionChanged()
  const signedIn = me.data != null
  const role = me.data?.account.role
  const places = isStaff(me.data)
    ? CONSOLE_PLACES.filter((place) => place.roles.some((allowed) => allowed === role))
    : CANDIDATE_PLACES

  async function signOut() {
    await api.POST('/v1/sign-out')
    await sessionChanged()
    navigate('/sign-in')
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skip')}
      </a>
      <header className="site-header">
        <NavLink to="/" className="brand">
          examdesk
        </NavLink>
        {signedIn && (
          <nav aria-label={t('layout.nav')}>
            <ul>
              {places.map((place) => (
                <li key={place.to}>
                  <NavLink to={place.to} end={place.to === '/'}>
                    {t(place.label)}
                  </NavLink>
                </li>
              ))}
              <li>
                <NavLink to="/account">{t('layout.account')}</NavLink>
              </li>
            </ul>
          </nav>
        )}
        <div className="header-tools">
          <LocaleSwitcher />
          {signedIn && (
            <Button className="button quiet" onPress={signOut}>
              {t('layout.signOut')}
            </Button>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <NavLink to="/help" className="help-link">
          {t('layout.help')}
        </NavLink>
        <span>{t('layout.helpLine')}</span>
      </footer>
    </>
  )
}
