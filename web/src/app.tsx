import { type ComponentType, lazy, type ReactNode, Suspense, useEffect, useRef } from 'react'
import { Navigate, Route, Routes, useLocation } from 'react-router'
import { isStaff, type Me, useMe } from './api/session'
import { forgetFirstQuestions } from './first-questions'
import { useT } from './i18n/use-t'
import { Layout } from './ui/layout'
import { ProblemMessage } from './ui/problem-message'

/** A page whose script is fetched when first needed; `preload` fetches it ahead. */
interface PageComponent<Props> {
  (props: Props): ReactNode
  preload(): Promise<unknown>
}

/**
 * Each page is its own file of script, fetched when first opened: what a
 * candidate downloads before a page works is the shell and that page
 * (`npm run bench` measures it for the booking page). A page whose script
 * is already here renders at once: suspending for it would hold the page
 * (and the questions it asks) back by React's reveal throttle, 300 ms.
 */
function page<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
): PageComponent<Props> {
  let loaded: ComponentType<Props> | undefined
  let loading: Promise<ComponentType<Props>> | undefined
  const preload = () => {
    loading ??= load().then((component) => {
      loaded = component
      return component
    })
    return loading
  }
  const Lazy = lazy(async () => ({ default: await preload() }))
  const Page = (props: Props) => {
    const Loaded = loaded
    return Loaded === undefined ? <Lazy {...props} /> : <Loaded {...props} />
  }
  Page.preload = preload
  return Page
}

const HomePage = page(() => import('./pages/home/home-page').then((m) => m.HomePage))
const SignInPage = page(() => import('./pages/sign-in').then((m) => m.SignInPage))
const SignUpPage = page(() => import('./pages/sign-up').then((m) => m.SignUpPage))
const ExamPage = page(() => import('./pages/exam/exam-page').then((m) => m.ExamPage))
const AccountPage = page(() => import('./pages/account/account-page').then((m) => m.AccountPage))
const ExceptionRequestPage = page(() =>
  import('./pages/exception-request/exception-request-page').then((m) => m.ExceptionRequestPage),
)
const NewExceptionRequestPage = page(() =>
  import('./pages/exception-request/new-exception-request-page').then(
    (m) => m.NewExceptionRequestPage,
  ),
)
const HelpPage = page(() => import('./pages/help').then((m) => m.HelpPage))
const SeatsPage = page(() => import('./pages/seats/seats-page').then((m) => m.SeatsPage))
const BookPage = page(() => import('./pages/book/book-page').then((m) => m.BookPage))
const RegistrationPage = page(() =>
  import('./pages/registration/registration-page').then((m) => m.RegistrationPage),
)
const CandidatePage = page(() =>
  import('./pages/console/candidate/candidate-page').then((m) => m.CandidatePage),
)
const MailQueuePage = page(() =>
  import('./pages/console/mail/mail-queue-page').then((m) => m.MailQueuePage),
)
const StaffPage = page(() => import('./pages/console/admin/staff-page').then((m) => m.StaffPage))
const ExamsPage = page(() => import('./pages/console/admin/exams-page').then((m) => m.ExamsPage))
const ProvidersPage = page(() =>
  import('./pages/console/admin/providers-page').then((m) => m.ProvidersPage),
)
const OffersPage = page(() => import('./pages/console/admin/offers-page').then((m) => m.OffersPage))
const BetasPage = page(() => import('./pages/console/betas/betas-page').then((m) => m.BetasPage))
const BetaPage = page(() => import('./pages/console/betas/beta-page').then((m) => m.BetaPage))
const BookForCandidatePage = page(() =>
  import('./pages/console/act/book-for-candidate-page').then((m) => m.BookForCandidatePage),
)
const EnrolForCandidatePage = page(() =>
  import('./pages/console/act/enrol-for-candidate-page').then((m) => m.EnrolForCandidatePage),
)
const ExceptionForCandidatePage = page(() =>
  import('./pages/console/act/exception-for-candidate-page').then(
    (m) => m.ExceptionForCandidatePage,
  ),
)
const RegistrationForStaffPage = page(() =>
  import('./pages/console/act/registration-for-staff-page').then((m) => m.RegistrationForStaffPage),
)
const ExceptionQueuePage = page(() =>
  import('./pages/console/queue/exception-queue-page').then((m) => m.ExceptionQueuePage),
)
const NotFoundPage = page(() => import('./pages/not-found').then((m) => m.NotFoundPage))
const ReportsPage = page(() =>
  import('./pages/console/reports/reports-page').then((m) => m.ReportsPage),
)

/** The pages a signed-in person most often opens first, by the first part of their address. */
const FIRST_PAGES: Readonly<Record<string, { preload(): Promise<unknown> }>> = {
  '': HomePage,
  exams: ExamPage,
  seats: SeatsPage,
  book: BookPage,
  registrations: RegistrationPage,
  account: AccountPage,
}

/**
 * Starts fetching the script of the page at `pathname` now, beside the
 * question of who is signed in, rather than once it is answered: a signed-in
 * page otherwise waits for both, one after the other. Settles when the
 * script is here (or failed: the page then says so as it renders), so that
 * the first render finds it and never shows a fallback that React would
 * keep for its 300 ms reveal throttle.
 */
export function preloadPage(pathname: string): Promise<unknown> {
  const page = FIRST_PAGES[pathname.split('/')[1] ?? '']
  return page === undefined ? Promise.resolve() : page.preload().catch(() => undefined)
}

/** The pages; the server answers the same list with this app (src/http/web-app.ts). */
export function App() {
  const t = useT()
  useFirstQuestionsUntilMoved()
  return (
    <Layout>
      <Suspense fallback={<p>{t('common.loading')}</p>}>
        <Routes>
          <Route path="/" element={<SignedIn page={(me) => <HomePage me={me} />} />} />
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/sign-up" element={<SignUpPage />} />
          <Route path="/help" element={<HelpPage />} />
          <Route path="/seats" element={<SignedIn page={(me) => <SeatsPage me={me} />} />} />
          <Route path="/book" element={<SignedIn page={(me) => <BookPage me={me} />} />} />
          <Route
            path="/registrations/:id"
            element={<SignedIn page={() => <RegistrationPage />} />}
          />
          <Route path="/exams/:exam" element={<SignedIn page={(me) => <ExamPage me={me} />} />} />
          <Route
            path="/exception-requests/new"
            element={<SignedIn page={(me) => <NewExceptionRequestPage me={me} />} />}
          />
          <Route
            path="/exception-requests/:id"
            element={<SignedIn page={() => <ExceptionRequestPage />} />}
          />
          <Route path="/account" element={<SignedIn page={(me) => <AccountPage me={me} />} />} />
          <Route
            path="/console/candidates/:id"
            element={<Staff page={(me) => <CandidatePage me={me} />} />}
          />
          <Route
            path="/console/mail"
            element={<Staff page={(me) => <MailQueuePage me={me} />} />}
          />
          <Route path="/console/staff" element={<Staff page={(me) => <StaffPage me={me} />} />} />
          <Route path="/console/exams" element={<Staff page={(me) => <ExamsPage me={me} />} />} />
          <Route
            path="/console/providers"
            element={<Staff page={(me) => <ProvidersPage me={me} />} />}
          />
          <Route path="/console/offers" element={<Staff page={(me) => <OffersPage me={me} />} />} />
          <Route path="/console/betas" element={<Staff page={(me) => <BetasPage me={me} />} />} />
          <Route
            path="/console/betas/:exam"
            element={<Staff page={(me) => <BetaPage me={me} />} />}
          />
          <Route
            path="/console/candidates/:id/book"
            element={<Staff page={(me) => <BookForCandidatePage me={me} />} />}
          />
          <Route
            path="/console/candidates/:id/offers"
            element={<Staff page={() => <EnrolForCandidatePage />} />}
          />
          <Route
            path="/console/candidates/:id/exception-request"
            element={<Staff page={() => <ExceptionForCandidatePage />} />}
          />
          <Route
            path="/console/registrations/:id"
            element={<Staff page={() => <RegistrationForStaffPage />} />}
          />
          <Route
            path="/console/exception-requests"
            element={<Staff page={() => <ExceptionQueuePage />} />}
          />
          <Route
            path="/console/reports"
            element={<Staff page={(me) => <ReportsPage me={me} />} />}
          />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </Layout>
  )
}

/** The answers asked ahead serve the page first opened only: once the reader moves on, pages ask again. */
function useFirstQuestionsUntilMoved(): void {
  // The page, not its address: a page that writes its own query into the address stays the page.
  const { pathname } = useLocation()
  const first = useRef(pathname)
  useEffect(() => {
    if (pathname !== first.current) forgetFirstQuestions()
  }, [pathname])
}

/** A page of the staff console: anyone else is told there is no such page, as for any unknown address. */
export function Staff({ page }: { page(me: Me): ReactNode }) {
  return <SignedIn page={(me) => (isStaff(me) ? page(me) : <NotFoundPage />)} />
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
