import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { BrowserRouter } from 'react-router'
import { Problem } from './api/client'
import { meQuery } from './api/session'
import { App, preloadPage } from './app'
import { askedForFirstPage, askFirstQuestions } from './first-questions'
import { LocaleProvider } from './i18n/locale-context'
import { initialLocale } from './i18n/locales'
import './styles.css'

const queries = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal is an answer, not a fault: asking again would get the same one.
      retry: (count, error) => !(error instanceof Problem && error.status < 500) && count < 2,
      refetchOnWindowFocus: true,
      // An answer asked ahead for the page first opened is not asked again as that page mounts;
      // one a change made stale is.
      refetchOnMount: (query) => query.state.isInvalidated || !askedForFirstPage(query),
    },
    // A change is never repeated by the page on its own; a booking carries its own key for that.
    mutations: { retry: false },
  },
})

// Asked at once, beside the page's script, rather than once the first render has mounted; and
// the page's own first questions as soon as it is known whose they are.
void queries.fetchQuery(meQuery).then((me) => {
  if (me) askFirstQuestions(queries, window.location, me)
})
const pageScript = preloadPage(window.location.pathname)

// The reader's language is known before the first render, so that nothing is shown in another
// first; and the page's script is here, so that the page renders rather than a fallback.
const locale = initialLocale()
void Promise.all([locale.load(), pageScript]).then(([messages]) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queries}>
        <LocaleProvider initial={{ locale, messages }}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </LocaleProvider>
      </QueryClientProvider>
    </StrictMode>,
  ),
)
