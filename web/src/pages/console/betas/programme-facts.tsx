import { useIntl } from 'react-intl'
import type { paths } from '../../../api/schema'
import { regionNames } from '../../../i18n/formatters'
import { useT } from '../../../i18n/use-t'
import { readerTimeZone } from '../../../time/format'
import { Instant } from '../../../ui/instant'
import { Say } from './say'

export type BetaOverview =
  paths['/v1/beta-programmes']['get']['responses'][200]['content']['application/json']['items'][number]

/** A beta programme's facts as staff read them: seats, roster, who may register, where not, results. */
export function ProgrammeFacts({ beta }: { beta: BetaOverview }) {
  const t = useT()
  const intl = useIntl()
  const zone = readerTimeZone()
  const countries = regionNames(intl.locale)
  return (
    <dl className="facts">
      {beta.liveExam !== null && (
        <>
          <dt>{t('console.betas.liveExam')}</dt>
          <dd>{beta.liveExam}</dd>
        </>
      )}
      {beta.betaStart !== null && beta.betaEnd !== null && (
        <>
          <dt>{t('console.betas.period')}</dt>
          <dd>
            <Say
              id="console.betas.periodValue"
              values={{
                start: <Instant at={beta.betaStart} timeZone={zone} />,
                end: <Instant at={beta.betaEnd} timeZone={zone} />,
              }}
            />
          </dd>
        </>
      )}
      <dt>{t('console.betas.seats')}</dt>
      <dd>
        {t('console.betas.seatsValue', {
          taken: beta.seatsTaken,
          left: beta.seatsLeft,
          limit: beta.seatLimit,
        })}
      </dd>
      <dt>{t('console.betas.roster')}</dt>
      <dd>{t('console.betas.rosterValue', { count: beta.rosterSize })}</dd>
      <dt>{t('console.betas.admits')}</dt>
      <dd>
        {t(beta.acceptsNewCandidates ? 'console.betas.admits.open' : 'console.betas.admits.closed')}
      </dd>
      <dt>{t('console.betas.restricted')}</dt>
      <dd>
        {beta.restrictedCountries.length === 0
          ? t('console.betas.restrictedNone')
          : beta.restrictedCountries
              .map((code) => `${countries.of(code) ?? code} (${code})`)
              .join(', ')}
      </dd>
      <dt>{t('console.betas.waves')}</dt>
      <dd>{t('console.betas.wavesValue', { count: beta.waves })}</dd>
      <dt>{t('console.betas.results')}</dt>
      <dd>
        {beta.resultsReleasedAt === null ? (
          <Say
            id="console.betas.resultsDue"
            values={{ at: <Instant at={beta.resultsReleaseAt} timeZone={zone} /> }}
          />
        ) : (
          <Say
            id="console.betas.resultsReleased"
            values={{ at: <Instant at={beta.resultsReleasedAt} timeZone={zone} /> }}
          />
        )}
      </dd>
      <dt>{t('console.betas.rewards')}</dt>
      <dd>{intl.formatNumber(beta.rewardsIssued)}</dd>
      <dt>{t('console.betas.holdMinutes')}</dt>
      <dd>
        {beta.holdMinutes === null
          ? t('console.betas.holdDefault')
          : t('console.betas.holdValue', { minutes: beta.holdMinutes })}
      </dd>
    </dl>
  )
}
