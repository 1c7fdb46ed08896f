import { useIntl } from 'react-intl'
import { $api } from '../../../api/client'
import type { Me } from '../../../api/session'
import { regionNames } from '../../../i18n/formatters'
import { useT } from '../../../i18n/use-t'
import { usePageTitle } from '../../../ui/page-title'
import { QuerySection } from '../../../ui/query-section'
import { AdminOnly } from './admin-only'
import { ProviderRules } from './provider-rules'
import { SlotGeneration } from './slot-generation'

/** `/console/providers`: each provider's rules and centres, and slots generated after a preview. */
export function ProvidersPage({ me }: { me: Me }) {
  return (
    <AdminOnly me={me}>
      <Providers />
    </AdminOnly>
  )
}

function Providers() {
  const t = useT()
  usePageTitle(t('console.providers.title'))
  const providers = $api.useQuery('get', '/v1/providers')
  const centres = $api.useQuery('get', '/v1/centres', { params: { query: { limit: 200 } } })
  const items = providers.data?.items ?? []
  return (
    <div className="stack admin-page">
      <h1>{t('console.providers.title')}</h1>
      {items.map((provider) => (
        <QuerySection
          key={provider.id}
          id={`provider-${provider.id}`}
          title={provider.name}
          query={centres}
          empty={null}
        >
          <ProviderRules provider={provider} />
          <Centres
            providerId={provider.id}
            providerName={provider.name}
            centres={centres.data?.items ?? []}
          />
        </QuerySection>
      ))}
      {providers.isPending && <p>{t('common.loading')}</p>}
      <SlotGeneration centres={centres.data?.items ?? []} providers={items} />
    </div>
  )
}

interface Centre {
  readonly id: string
  readonly provider: string
  readonly name: string
  readonly city: string
  readonly country: string
  readonly timeZone: string
}

function Centres(props: { providerId: string; providerName: string; centres: readonly Centre[] }) {
  const t = useT()
  const intl = useIntl()
  const regions = regionNames(intl.locale)
  const own = props.centres.filter((centre) => centre.provider === props.providerId)
  return (
    <>
      <h3>{t('console.providers.centres', { count: own.length, provider: props.providerName })}</h3>
      <ul className="plain-list centre-cards">
        {own.map((centre) => (
          <li key={centre.id}>
            <strong>{centre.name}</strong>
            <span className="secondary block">
              {centre.city}, {regions.of(centre.country) ?? centre.country} ·{' '}
              {centre.timeZone.replaceAll('_', ' ')}
            </span>
          </li>
        ))}
      </ul>
    </>
  )
}
