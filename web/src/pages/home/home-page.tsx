import type { Me } from '../../api/session'
import { useT } from '../../i18n/use-t'
import { usePageTitle } from '../../ui/page-title'
import { CandidateSearch } from '../console/candidate-search'
import { Appointments } from './appointments'
import { Certifications } from './certifications'
import { Codes } from './codes'
import { ExamLookup } from './exam-lookup'
import { ExceptionRequests } from './exception-requests'
import { Invitations } from './invitations'
import { Results } from './results'

/**
 * A candidate's start page: everything ahead of them and behind them, from
 * every provider, in one place. Staff start at the search box instead.
 */
export function HomePage({ me }: { me: Me }) {
  const t = useT()
  usePageTitle(t('home.title'))
  const candidateId = me.account.candidateId
  return (
    <>
      <h1>{t('home.greeting', { name: me.account.displayName })}</h1>
      {candidateId === null ? (
        <CandidateSearch />
      ) : (
        <div className="home-grid">
          <Appointments candidateId={candidateId} />
          <Invitations candidateId={candidateId} />
          <Results candidateId={candidateId} />
          <ExamLookup />
          <Certifications candidateId={candidateId} />
          <Codes candidateId={candidateId} />
          <ExceptionRequests candidateId={candidateId} />
        </div>
      )}
    </>
  )
}
