import type { ReactNode } from 'react'
import { Navigate, Route, Routes, useLocation } from 'react-router'
import { type Me, useMe } from './api/session'
import { useT } from './i18n/use-t'
import { AccountPage } from './pages/account/account-page'
import { BookPage } from './pages/book/book-page'
import { ExceptionRequestPage } from './pages/exception-request/exception-request-page'
import { NewExceptionRequestPage } from './pages/exception-request/new-exception-request-page'
import { HelpPage } from './pages/help'
import { HomePage } from './pages/home/home-page'
import { NotFoundPage } from './pages/not-found'
import { RegistrationPage } from './pages/registration/registration-page'
import { SignInPage } from './pages/sign-in'
import { SignUpPage } from './pages/sign-up'
import { Layout } from './ui/layout'
import { ProblemMessage } from './ui/problem-message'

/** The pages; the server answers the same list with this app (src/http/web-app.ts). */
export function App() {
  return (
    <Layout>
      <Routes>
        <Route path="/" element={<SignedIn page={(me) => <HomePage me={me} />} />} />
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/sign-up" element={<SignUpPage />} />
        <Route path="/help" element={<HelpPage />} />
        <Route path="/book" element={<SignedIn page={(me) => <BookPage me={me} />} />} />
        <Route path="/registrations/:id" element={<SignedIn page={() => <RegistrationPage />} />} />
        <Route
          path="/exception-requests/new"
          element={<SignedIn page={(me) => <NewExceptionRequestPage me={me} />} />}
        />
        <Route
          path="/exception-requests/:id"
          element={<SignedIn page={() => <ExceptionRequestPage />} />}
        />
        <Route path="/account" element={<SignedIn page={(me) => <AccountPage me={me} />} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  )
}

/** A page for a signed-in person; anyone else is sent to sign in and brought back after. */
function SignedIn({ page }: { page(me: Me): ReactNode }) {
  const t = useT()
  const me = useMe()
  const location = useLocation()
  if (me.isPending) return <p>{t('common.loading')}</p>
  if (me.error !== null) return <ProblemMessage error={me.error} />
  if (me.data === null) {
    const next = encodeURIComponent(location.pathname + location.search)
    return <Navigate to={`/sign-in?next=${next}`} replace />
  }
  return page(me.data)
}
