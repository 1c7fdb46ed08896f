import type { paths } from '../../../api/schema'
import type { MessageId } from '../../../i18n/messages/en'
import { useT } from '../../../i18n/use-t'

export type SelfCheck =
  paths['/v1/waves/{id}/self-check']['post']['responses'][200]['content']['application/json']

/** Refusals a self-check meets most, said in the reader's language; any other in the API's own words. */
const KNOWN = new Set([
  'BETA_ALREADY_TAKEN',
  'SEAT_UNAVAILABLE',
  'CODE_NOT_FREE',
  'BETA_SEATS_FULL',
  'NOT_INVITED',
  'REGION_RESTRICTED',
])

/** What a wave's self-check found, in words: who was tried, by which way, and what refused them. */
export function SelfCheckResult({ position, check }: { position: number; check: SelfCheck }) {
  const t = useT()
  const name =
    check.candidateId === null
      ? ''
      : check.candidateName === null
        ? check.candidateId
        : `${check.candidateName} (${check.candidateId})`
  const why =
    check.problemCode !== null && KNOWN.has(check.problemCode)
      ? t(`console.wave.check.${check.problemCode}` as MessageId)
      : (check.problemDetail ?? '')
  const channel =
    check.channel === 'web' || check.channel === 'phone'
      ? t(`console.wave.check.channel.${check.channel}`)
      : t('console.wave.check.channel.none')
  return (
    <div className={check.passed ? 'check-passed' : 'problem'}>
      <h4>{t('console.wave.checkTitle', { position })}</h4>
      {check.passed ? (
        <p>
          {check.candidateId === null
            ? t('console.wave.check.nobody')
            : t('console.wave.check.passed', { name })}
        </p>
      ) : (
        <>
          <p>{t('console.wave.check.failed', { name, channel })}</p>
          <p>
            {t('console.wave.check.why', { detail: why })}{' '}
            {check.problemCode !== null && <code>{check.problemCode}</code>}
          </p>
          <p>{t('console.wave.check.fix')}</p>
        </>
      )}
    </div>
  )
}
