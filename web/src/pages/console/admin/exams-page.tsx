import { $api } from '../../../api/client'
import type { Me } from '../../../api/session'
import type { MessageId } from '../../../i18n/messages/en'
import { useT } from '../../../i18n/use-t'
import { usePageTitle } from '../../../ui/page-title'
import { QuerySection } from '../../../ui/query-section'
import { AdminOnly } from './admin-only'
import { ExamPrices } from './exam-prices'
import { NewExam } from './new-exam'

const EXAMS = { params: { query: { limit: 500 } } }

/** `/console/exams`: the catalogue, each exam with its status and prices; a new exam (a beta with its programme); prices set. */
export function ExamsPage({ me }: { me: Me }) {
  return (
    <AdminOnly me={me}>
      <Exams />
    </AdminOnly>
  )
}

function Exams() {
  const t = useT()
  usePageTitle(t('console.exams.title'))
  const exams = $api.useQuery('get', '/v1/exams', EXAMS)
  const items = exams.data?.items ?? []
  return (
    <div className="stack admin-page">
      <h1>{t('console.exams.title')}</h1>
      <QuerySection
        id="exam-list"
        title={t('console.exams.list', { count: exams.data?.total ?? 0 })}
        query={exams}
        empty={exams.data !== undefined && items.length === 0 ? t('console.exams.none') : null}
      >
        {items.length > 0 && (
          <div className="data-table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('console.exams.number')}</th>
                  <th scope="col">{t('console.exams.status')}</th>
                  <th scope="col">{t('console.exams.prices')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((exam) => (
                  <tr key={exam.number}>
                    <th scope="row">
                      <strong>{exam.number}</strong>
                      <span className="block">{exam.title}</span>
                      <span className="secondary block">
                        {t('console.exams.family', { family: exam.family })}
                      </span>
                    </th>
                    <td>
                      {t(`console.exams.status.${exam.status}` as MessageId)}
                      {exam.betaOf !== null && (
                        <span className="secondary block">
                          {t('console.exams.betaOf', { exam: exam.betaOf })}
                        </span>
                      )}
                    </td>
                    <td>
                      <ExamPrices number={exam.number} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QuerySection>
      <NewExam />
    </div>
  )
}
