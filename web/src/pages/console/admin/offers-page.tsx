import { Link, useSearchParams } from 'react-router'
import { $api } from '../../../api/client'
import type { Me } from '../../../api/session'
import type { MessageId } from '../../../i18n/messages/en'
import { useT } from '../../../i18n/use-t'
import { usePageTitle } from '../../../ui/page-title'
import { QuerySection } from '../../../ui/query-section'
import { AdminOnly } from './admin-only'
import { NewOfferVersion } from './new-offer-version'
import { OfferVersions } from './offer-versions'

/**
 * `/console/offers`: every offer; `?offer=ID` shows its versions side by
 * side, what each changed from the one before, and makes the next.
 */
export function OffersPage({ me }: { me: Me }) {
  return (
    <AdminOnly me={me}>
      <Offers />
    </AdminOnly>
  )
}

function Offers() {
  const t = useT()
  usePageTitle(t('console.offers.title'))
  const [params] = useSearchParams()
  const chosen = params.get('offer')
  const offers = $api.useQuery('get', '/v1/offers')
  const items = offers.data?.items ?? []
  return (
    <div className="stack admin-page">
      <h1>{t('console.offers.title')}</h1>
      <QuerySection
        id="offer-list"
        title={t('console.offers.list')}
        query={offers}
        empty={offers.data !== undefined && items.length === 0 ? t('console.offers.none') : null}
      >
        <ul className="plain-list offer-list">
          {items.map((offer) => (
            <li key={offer.id}>
              <Link
                to={`/console/offers?offer=${encodeURIComponent(offer.id)}`}
                aria-current={offer.id === chosen ? 'page' : undefined}
                className={offer.id === chosen ? 'chosen' : undefined}
              >
                {offer.name}
              </Link>{' '}
              <span className="secondary">
                {t('console.offers.versions', { count: offer.versions.length })}
                {' · '}
                {offer.inForce === null
                  ? t('console.offers.noneInForce')
                  : t('console.offers.inForce', { version: offer.inForce })}
              </span>
            </li>
          ))}
        </ul>
      </QuerySection>
      {chosen !== null && <Offer id={chosen} />}
    </div>
  )
}

function Offer({ id }: { id: string }) {
  const t = useT()
  const offer = $api.useQuery('get', '/v1/offers/{id}', { params: { path: { id } } })
  return (
    <QuerySection
      id="offer-versions"
      title={t('console.offers.offer', { name: offer.data?.name ?? id })}
      query={offer}
      empty={null}
    >
      {offer.data !== undefined && (
        <>
          <OfferVersions versions={offer.data.versions} />
          <NewOfferVersion latest={offer.data.versions.at(-1)!} />
        </>
      )}
    </QuerySection>
  )
}

export function statusLabel(status: string): MessageId {
  return `console.offers.status.${status}` as MessageId
}
