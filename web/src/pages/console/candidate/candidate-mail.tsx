import { useQueryClient } from '@tanstack/react-query'
import { useCandidateZone } from '../../../api/candidate-zone'
import { $api, api } from '../../../api/client'
import { useT } from '../../../i18n/use-t'
import { Instant } from '../../../ui/instant'
import { QuerySection } from '../../../ui/query-section'
import { ReasonDialog } from '../reason-dialog'

/**
 * Every mail sent to the candidate, newest first, with where its delivery
 * stands; any that went out can be sent again, with a reason, for a
 * candidate who cannot find it ("where is my code?").
 */
export function CandidateMail({ candidateId }: { candidateId: string }) {
  const t = useT()
  const zone = useCandidateZone(candidateId)
  const queries = useQueryClient()
  const query = $api.useQuery('get', '/v1/admin/mail', {
    params: { query: { candidateId, limit: 200 } },
  })
  const items = query.data?.items ?? []
  return (
    <QuerySection
      id="cc-mail"
      title={t('console.candidate.mail')}
      query={query}
      empty={items.length === 0 ? t('console.candidate.noMail') : null}
    >
      {items.length > 0 && (
        <ul className="cards">
          {items.map((mail) => (
            <li key={mail.id}>
              <article className="card" aria-labelledby={`cc-m-${mail.id}`}>
                <h3 id={`cc-m-${mail.id}`}>{mail.subject}</h3>
                <dl className="facts">
                  <dt>{t('console.mail.to')}</dt>
                  <dd>{mail.recipient}</dd>
                  <dt>{t('console.mail.written')}</dt>
                  <dd>
                    <Instant at={mail.createdAt} timeZone={zone} />
                  </dd>
                  <dt>{t('console.mail.delivery')}</dt>
                  <dd>
                    <strong className={`mail-status mail-status-${mail.status}`}>
                      {t(`console.mail.status.${mail.status}`)}
                    </strong>
                    {mail.sentAt !== null && (
                      <>
                        {' '}
                        <Instant at={mail.sentAt} timeZone={zone} />
                      </>
                    )}
                    {mail.status !== 'sent' && mail.lastError !== null && (
                      <span className="secondary block">
                        {t('console.mail.lastError', { error: mail.lastError })}
                      </span>
                    )}
                  </dd>
                </dl>
                {mail.status === 'sent' && (
                  <div className="card-actions">
                    <ReasonDialog
                      trigger={t('console.mail.resend')}
                      triggerDescribedBy={`cc-m-${mail.id}`}
                      title={t('console.mail.resend.title', { subject: mail.subject })}
                      body={t('console.mail.resend.body', { recipient: mail.recipient })}
                      submit={t('console.mail.resend.submit')}
                      act={async ({ reason, channel, key }) => {
                        await api.POST('/v1/admin/mail/{id}/resend', {
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
  )
}
