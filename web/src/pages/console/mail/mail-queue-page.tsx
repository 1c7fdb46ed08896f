import { useQueryClient } from '@tanstack/react-query'
import { useIntl } from 'react-intl'
import { Link } from 'react-router'
import { $api, api } from '../../../api/client'
import type { Me } from '../../../api/session'
import { useT } from '../../../i18n/use-t'
import { readerTimeZone } from '../../../time/format'
import { Instant } from '../../../ui/instant'
import { usePageTitle } from '../../../ui/page-title'
import { QuerySection } from '../../../ui/query-section'
import { ReasonDialog } from '../reason-dialog'

/**
 * Mail that needs a look, oldest first: what delivery gave up on, and what
 * has waited longer than it should by the server's clock, each with how
 * long it has waited and why it failed; a failed one tried again, with a
 * reason kept on the candidate's records.
 */
export function MailQueuePage(_props: { me: Me }) {
  const t = useT()
  const intl = useIntl()
  const queries = useQueryClient()
  usePageTitle(t('console.mailQueue.title'))
  const query = $api.useQuery('get', '/v1/admin/mail-queue', {
    params: { query: { limit: 200 } },
  })
  const items = query.data?.items ?? []
  const zone = readerTimeZone()
  const waited = (minutes: number) =>
    minutes < 60
      ? t('console.mailQueue.minutes', { minutes: intl.formatNumber(minutes) })
      : minutes < 48 * 60
        ? t('console.mailQueue.hours', {
            hours: intl.formatNumber(Math.floor(minutes / 60)),
            minutes: intl.formatNumber(minutes % 60),
          })
        : t('console.mailQueue.days', { days: intl.formatNumber(Math.floor(minutes / 1440)) })
  return (
    <>
      <h1>{t('console.mailQueue.title')}</h1>
      <p>
        {t('console.mailQueue.intro', {
          minutes: query.data?.stuckAfterMinutes ?? 15,
        })}
      </p>
      <QuerySection
        id="mail-queue"
        title={t('console.mailQueue.count', { count: query.data?.total ?? 0 })}
        query={query}
        empty={items.length === 0 ? t('console.mailQueue.none') : null}
      >
        {items.length > 0 && (
          <ul className="cards">
            {items.map((mail) => (
              <li key={mail.id}>
                <article className="card" aria-labelledby={`mq-${mail.id}`}>
                  <h3 id={`mq-${mail.id}`}>{mail.subject}</h3>
                  <p>
                    <strong className={`mail-status mail-status-${mail.status}`}>
                      {t(`console.mail.status.${mail.status}`)}
                    </strong>{' '}
                    {t('console.mailQueue.waited', { waited: waited(mail.waitedMinutes) })}
                  </p>
                  <dl className="facts">
                    <dt>{t('console.mail.to')}</dt>
                    <dd>
                      {mail.recipient}
                      {mail.candidateId !== null && (
                        <>
                          {' · '}
                          <Link to={`/console/candidates/${encodeURIComponent(mail.candidateId)}`}>
                            {t('console.mailQueue.candidate')}
                          </Link>
                        </>
                      )}
                    </dd>
                    <dt>{t('console.mail.written')}</dt>
                    <dd>
                      <Instant at={mail.createdAt} timeZone={zone} />
                    </dd>
                    <dt>{t('console.mailQueue.tries')}</dt>
                    <dd>{intl.formatNumber(mail.tries)}</dd>
                    {mail.lastError !== null && (
                      <>
                        <dt>{t('console.mailQueue.error')}</dt>
                        <dd>
                          <code className="mail-error">{mail.lastError}</code>
                        </dd>
                      </>
                    )}
                  </dl>
                  {mail.status === 'failed' && (
                    <div className="card-actions">
                      <ReasonDialog
                        trigger={t('console.mailQueue.retry')}
                        triggerDescribedBy={`mq-${mail.id}`}
                        title={t('console.mailQueue.retry.title', { subject: mail.subject })}
                        body={t('console.mailQueue.retry.body', { recipient: mail.recipient })}
                        submit={t('console.mailQueue.retry.submit')}
                        askChannel={false}
                        act={async ({ reason, channel, key }) => {
                          await api.POST('/v1/admin/mail/{id}/retry', {
                            params: { path: { id: mail.id }, header: { 'Idempotency-Key': key } },
                            body: { reason, channel },
                          })
                        }}
                        onDone={() => queries.invalidateQueries()}
                      />
                    </div>
                  )}
                </article>
              </li>
            ))}
          </ul>
        )}
      </QuerySection>
    </>
  )
}
