import { useCandidateZone } from '../../api/candidate-zone'
import { $api } from '../../api/client'
import { CodeAbilities } from '../../codes/code-abilities'
import { useT } from '../../i18n/use-t'
import { QuerySection } from '../../ui/query-section'

/** The codes a candidate holds, each with what it can still do, said from its facts. */
export function Codes({ candidateId }: { candidateId: string }) {
  const t = useT()
  const query = $api.useQuery('get', '/v1/candidates/{id}/codes', {
    params: { path: { id: candidateId } },
  })
  const zone = useCandidateZone(candidateId)
  const items = query.data?.items ?? []
  return (
    <QuerySection
      id="codes"
      title={t('home.codes')}
      query={query}
      empty={items.length === 0 ? t('home.noCodes') : null}
    >
      <ul className="plain-list">
        {items.map((held) => (
          <li key={held.code}>
            <code className="voucher-code">{held.code}</code> <strong>{held.offer.name}</strong>
            <CodeAbilities held={held} timeZone={zone} />
          </li>
        ))}
      </ul>
    </QuerySection>
  )
}
