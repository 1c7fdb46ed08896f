import { useIntl } from 'react-intl'
import { $api } from '../../api/client'
import type { paths } from '../../api/schema'
import { useT } from '../../i18n/use-t'
import { formatDay } from '../../time/format'
import { HomeSection } from './section'

type HeldCode =
  paths['/v1/candidates/{id}/codes']['get']['responses'][200]['content']['application/json']['items'][number]

/** The codes a candidate holds, each with what it can still do, said from its facts. */
export function Codes({ candidateId }: { candidateId: string }) {
  const t = useT()
  const query = $api.useQuery('get', '/v1/candidates/{id}/codes', {
    params: { path: { id: candidateId } },
  })
  const items = query.data?.items ?? []
  return (
    <HomeSection
      id="codes"
      title={t('home.codes')}
      query={query}
      empty={items.length === 0 ? t('home.noCodes') : null}
    >
      <ul className="plain-list">
        {items.map((held) => (
          <li key={held.code}>
            <code className="voucher-code">{held.code}</code> <strong>{held.offer.name}</strong>
            <CodeAbilities held={held} />
          </li>
        ))}
      </ul>
    </HomeSection>
  )
}

export function CodeAbilities({ held }: { held: HeldCode }) {
  const t = useT()
  const intl = useIntl()
  const day = (instant: string) => formatDay(intl.locale, instant, 'UTC')
  if (held.state !== 'usable')
    return <span className="secondary"> · {t(`home.code.state.${held.state}`)}</span>
  const abilities: string[] = []
  if (held.firstAttemptsLeft !== null && held.firstAttemptsLeft > 0)
    abilities.push(t('home.code.firstAttempts', { count: held.firstAttemptsLeft }))
  if (held.freeRetakes.length > 0)
    abilities.push(t('home.code.freeRetake', { exams: held.freeRetakes.join(', ') }))
  if (held.afterPassDiscount !== null)
    abilities.push(
      t('home.code.discount', {
        percent: held.afterPassDiscount.percent,
        day: day(held.afterPassDiscount.bookBefore),
      }),
    )
  if (held.usesLeft !== null) abilities.push(t('home.code.usesLeft', { count: held.usesLeft }))
  if (abilities.length === 0) abilities.push(t('home.code.nothingMore'))
  if (held.expiresAt !== null) abilities.push(t('home.code.expires', { day: day(held.expiresAt) }))
  return <span className="secondary"> · {abilities.join(' · ')}</span>
}
