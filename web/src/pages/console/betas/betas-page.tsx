import { Link } from 'react-router'
import { $api } from '../../../api/client'
import type { Me } from '../../../api/session'
import { useT } from '../../../i18n/use-t'
import { usePageTitle } from '../../../ui/page-title'
import { QuerySection } from '../../../ui/query-section'
import { ProgrammeFacts } from './programme-facts'

/** Every beta exam with its programme, for staff: seats, roster, waves, results; each leads to its page. */
export function BetasPage({ me }: { me: Me }) {
  const t = useT()
  usePageTitle(t('console.betas.title'))
  const betas = $api.useQuery('get', '/v1/beta-programmes')
  const items = betas.data?.items ?? []
  return (
    <>
      <h1>{t('console.betas.title')}</h1>
      <p>{t('console.betas.intro')}</p>
      {me.account.role !== 'admin' && <p className="secondary">{t('console.betas.readOnly')}</p>}
      <QuerySection
        id="console-betas"
        title={t('console.betas.title')}
        query={betas}
        empty={betas.data !== undefined && items.length === 0 ? t('console.betas.none') : null}
      >
        <ul className="cards">
          {items.map((beta) => (
            <li key={beta.exam} className="card">
              <h3>
                <Link to={`/console/betas/${encodeURIComponent(beta.exam)}`}>
                  {beta.exam} <span className="beta-title">{beta.title}</span>
                </Link>
              </h3>
              <ProgrammeFacts beta={beta} />
            </li>
          ))}
        </ul>
      </QuerySection>
    </>
  )
}
