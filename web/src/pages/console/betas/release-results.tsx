import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { api } from '../../../api/client'
import type { paths } from '../../../api/schema'
import { useT } from '../../../i18n/use-t'
import { readerTimeZone } from '../../../time/format'
import { ConfirmDialog } from '../../../ui/confirm-dialog'
import { Instant } from '../../../ui/instant'
import type { BetaOverview } from './programme-facts'
import { Say } from './say'

type Released =
  paths['/v1/exams/{number}/beta-programme/release-results']['post']['responses'][200]['content']['application/json']

/** The beta's results: withheld until released (after a question), then how many rewards the release issued. */
export function ReleaseResults({ beta, admin }: { beta: BetaOverview; admin: boolean }) {
  const t = useT()
  const queries = useQueryClient()
  const zone = readerTimeZone()
  const [released, setReleased] = useState<Released | null>(null)
  return (
    <section aria-labelledby="beta-release" className="page-section stack">
      <h2 id="beta-release">{t('console.beta.release')}</h2>
      <p id="beta-release-state">
        {beta.resultsReleasedAt === null ? (
          <Say
            id="console.beta.release.notYet"
            values={{ at: <Instant at={beta.resultsReleaseAt} timeZone={zone} /> }}
          />
        ) : (
          <Say
            id="console.beta.release.done"
            values={{
              at: <Instant at={beta.resultsReleasedAt} timeZone={zone} />,
              rewards: beta.rewardsIssued,
            }}
          />
        )}
      </p>
      <p role="status">
        {released === null
          ? ''
          : t('console.beta.release.outcome', {
              released: released.released,
              passed: released.passed,
              failed: released.failed,
              rewards: released.rewardsIssued,
            })}
      </p>
      {admin && beta.resultsReleasedAt === null && (
        <div className="row">
          <ConfirmDialog
            trigger={t('console.beta.release.button')}
            title={t('console.beta.release.question', { exam: beta.exam })}
            body={t('console.beta.release.body')}
            keep={t('console.beta.release.keep')}
            confirm={t('console.beta.release.confirm')}
            onConfirm={async () => {
              const { data } = await api.POST('/v1/exams/{number}/beta-programme/release-results', {
                params: { path: { number: beta.exam } },
              })
              if (data !== undefined) setReleased(data)
            }}
            onConfirmed={() => queries.invalidateQueries()}
          />
        </div>
      )}
    </section>
  )
}
