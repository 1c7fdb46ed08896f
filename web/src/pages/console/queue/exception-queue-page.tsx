import { useState } from 'react'
import { $api } from '../../../api/client'
import type { paths } from '../../../api/schema'
import { useT } from '../../../i18n/use-t'
import { usePageTitle } from '../../../ui/page-title'
import { QuerySection } from '../../../ui/query-section'
import { QueuedRequest } from './queued-request'

export type Queued =
  paths['/v1/exception-requests']['get']['responses'][200]['content']['application/json']['items'][number]

/**
 * `/console/exception-requests`: the requests waiting for review, oldest
 * first, each with how long it has waited and when it is due, approved or
 * denied from here with a note the candidate is mailed; the list is read
 * again after each decision.
 */
export function ExceptionQueuePage() {
  const t = useT()
  usePageTitle(t('console.queue.title'))
  const query = $api.useQuery('get', '/v1/exception-requests', {
    params: { query: { status: 'open', limit: 100 } },
  })
  const [decided, setDecided] = useState<string | null>(null)
  const items = query.data?.items ?? []
  return (
    <>
      <h1>{t('console.queue.title')}</h1>
      <p role="status" className={decided === null ? 'visually-hidden' : 'confirmation'}>
        {decided}
      </p>
      <QuerySection
        id="queue"
        title={t('console.queue.waiting', { count: query.data?.total ?? 0 })}
        query={query}
        empty={query.data !== undefined && items.length === 0 ? t('console.queue.none') : null}
      >
        <ol className="queue-list">
          {items.map((queued) => (
            <li key={queued.request.id}>
              <QueuedRequest queued={queued} onDecided={setDecided} />
            </li>
          ))}
        </ol>
      </QuerySection>
    </>
  )
}
