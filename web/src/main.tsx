import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { BrowserRouter } from 'react-router'
import { $api, Problem } from './api/client'
import { meQuery } from './api/session'
import { App, preloadPage } from './app'
import { LocaleProvider } from './i18n/locale-context'
import './styles.css'

const queries = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal is an answer, not a fault: asking again would get the same one.
      retry: (count, error) => !(error instanceof Problem && error.status < 500) && count < 2,
      refetchOnWindowFocus: true,
    },
    // A change is never repeated by the page on its own; a booking carries its own key for that.
    mutations: { retry: false },
  },
})

// Asked at once, beside the page's script, rather than once the first render has mounted; and a
// candidate's record (their clock, which most pages read first) as soon as it is known whose it is.
void queries.fetchQuery(meQuery).then((me) => {
  const id = me?.account.candidateId
  if (id)
    void queries.prefetchQuery(
      $api.queryOptions('get', '/v1/candidates/{id}', { params: { path: { id } } }),
    )
})
preloadPage(window.location.pathname)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <LocaleProvider>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </LocaleProvider>
    </QueryClientProvider>
  </StrictMode>,
)
