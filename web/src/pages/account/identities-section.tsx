import { useIntl } from 'react-intl'
import { $api } from '../../api/client'
import { useT } from '../../i18n/use-t'
import { formatDay } from '../../time/format'
import { ProblemMessage } from '../../ui/problem-message'

/** The outside identities (OpenID Connect) that sign in to this account, with when each was linked. */
export function IdentitiesSection({ timeZone }: { timeZone: string }) {
  const t = useT()
  const intl = useIntl()
  const query = $api.useQuery('get', '/v1/me/identities')
  const items = query.data?.items ?? []
  return (
    <section aria-labelledby="identities" className="stack">
      <h2 id="identities">{t('account.identities')}</h2>
      <p className="secondary">{t('account.identitiesHelp')}</p>
      {query.isPending && <p>{t('common.loading')}</p>}
      {query.error !== null && <ProblemMessage error={query.error} />}
      {query.isSuccess && items.length === 0 && <p>{t('account.noIdentities')}</p>}
      {items.length > 0 && (
        <ul className="plain-list">
          {items.map((identity) => (
            <li key={identity.id}>
              {t('account.identity.line', {
                issuer: issuerName(identity.issuer),
                subject: identity.subject,
              })}{' '}
              <span className="secondary">
                (
                {t('account.identity.linked', {
                  day: formatDay(intl.locale, identity.linkedAt, timeZone),
                })}
                )
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** `https://login.example.org/realms/staff` → `login.example.org`: the part a person recognises. */
function issuerName(issuer: string): string {
  try {
    return new URL(issuer).host
  } catch {
    return issuer
  }
}
