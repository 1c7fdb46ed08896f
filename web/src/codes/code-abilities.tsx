import { useIntl } from 'react-intl'
import type { paths } from '../api/schema'
import { useT } from '../i18n/use-t'
import { formatDay } from '../time/format'

export type HeldCode =
  paths['/v1/candidates/{id}/codes']['get']['responses'][200]['content']['application/json']['items'][number]

/** What a held code can still do, said from its facts (days on the candidate's clock). */
export function CodeAbilities({ held, timeZone }: { held: HeldCode; timeZone: string }) {
  const t = useT()
  const intl = useIntl()
  const day = (instant: string) => formatDay(intl.locale, instant, timeZone)
  if (held.state !== 'usable')
    return <span className="secondary"> · {t(`code.ability.state.${held.state}`)}</span>
  const abilities: string[] = []
  // What a single-use or counted code gives on each use; a free-retake code says it by its retakes.
  if (held.benefit.kind === 'free-exam') abilities.push(t('code.ability.freeExam'))
  if (held.benefit.kind === 'percent-off' && held.benefit.percent !== undefined)
    abilities.push(t('code.ability.percentOff', { percent: held.benefit.percent }))
  if (held.firstAttemptsLeft !== null && held.firstAttemptsLeft > 0)
    abilities.push(t('code.ability.firstAttempts', { count: held.firstAttemptsLeft }))
  if (held.freeRetakes.length > 0)
    abilities.push(t('code.ability.freeRetake', { exams: held.freeRetakes.join(', ') }))
  if (held.afterPassDiscount !== null)
    abilities.push(
      t('code.ability.discount', {
        percent: held.afterPassDiscount.percent,
        day: day(held.afterPassDiscount.bookBefore),
      }),
    )
  if (held.usesLeft !== null) abilities.push(t('code.ability.usesLeft', { count: held.usesLeft }))
  if (abilities.length === 0) abilities.push(t('code.ability.nothingMore'))
  if (held.expiresAt !== null)
    abilities.push(t('code.ability.expires', { day: day(held.expiresAt) }))
  return <span className="secondary"> · {abilities.join(' · ')}</span>
}
