import { useIntl } from 'react-intl'
import { useProviderNames } from '../../../api/provider-names'
import type { paths } from '../../../api/schema'
import type { MessageId } from '../../../i18n/messages/en'
import { useT } from '../../../i18n/use-t'
import { formatDay } from '../../../time/format'

export type OfferVersion =
  paths['/v1/offers/{id}']['get']['responses'][200]['content']['application/json']['versions'][number]
type Term = OfferVersion['changed'][number]

/** The terms in the order the API compares them. */
const TERMS: readonly Term[] = [
  'name',
  'effectiveFrom',
  'enrolment',
  'useBefore',
  'validDays',
  'exams',
  'providers',
  'paymentMethods',
  'combinable',
  'benefit',
  'afterPass',
  'usesPerCode',
  'returnOnCancel',
]

/**
 * Every version of an offer side by side, a column each, oldest first; a
 * term a version changed from the one before is marked in words, not by
 * colour alone (the API says which terms changed).
 */
export function OfferVersions({ versions }: { versions: readonly OfferVersion[] }) {
  const t = useT()
  const say = useTermText()
  return (
    <div className="data-table-wrap">
      <table className="data-table offer-versions">
        <caption className="visually-hidden">{t('console.offers.sideBySide')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('console.offers.term')}</th>
            {versions.map((version) => (
              <th scope="col" key={version.version}>
                {t('console.offers.version', { version: version.version })}
                <span className="secondary block">
                  {t(`console.offers.status.${version.status}` as MessageId)}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {TERMS.map((term) => (
            <tr key={term}>
              <th scope="row">{t(`console.offers.term.${term}` as MessageId)}</th>
              {versions.map((version) => {
                const changed = version.changed.includes(term)
                return (
                  <td key={version.version} className={changed ? 'changed' : undefined}>
                    {changed && <span className="change-mark">{t('console.offers.changed')} </span>}
                    {say(term, version)}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** One term of a version in words; the programme's dates are days in UTC, said so. */
function useTermText(): (term: Term, version: OfferVersion) => string {
  const t = useT()
  const intl = useIntl()
  const providers = useProviderNames()
  const day = (at: string) => `${formatDay(intl.locale, at, 'UTC')} (UTC)`
  const list = (items: readonly string[]) => new Intl.ListFormat(intl.locale).format(items)
  return (term, v) => {
    switch (term) {
      case 'name':
        return v.name
      case 'effectiveFrom':
        return day(v.effectiveFrom)
      case 'enrolment':
        return v.enrolment === null
          ? t('console.offers.staffIssue')
          : t('console.offers.enrolment', {
              opens: day(v.enrolment.opensAt),
              closes: day(v.enrolment.closesAt),
            })
      case 'useBefore':
        return v.useBefore === null ? t('console.offers.noDate') : day(v.useBefore)
      case 'validDays':
        return v.validDays === null
          ? t('console.offers.noDate')
          : t('console.offers.validDays', { days: v.validDays })
      case 'exams':
        return v.covers
      case 'providers':
        return v.providers.length === 0
          ? t('console.offers.everyProvider')
          : list(v.providers.map(providers.name))
      case 'paymentMethods':
        return v.paymentMethods.length === 0
          ? t('console.offers.everyMethod')
          : list(v.paymentMethods.map((m) => t(`console.offers.method.${m}` as MessageId)))
      case 'combinable':
      case 'returnOnCancel':
        return v[term] ? t('console.offers.yes') : t('console.offers.no')
      case 'benefit':
        return v.benefit.kind === 'percent-off'
          ? t('console.offers.percentOff', { percent: v.benefit.percent ?? 0 })
          : v.benefit.kind === 'free-retake'
            ? t('console.offers.freeRetake', { exams: v.benefit.exams ?? 1 })
            : t('console.offers.freeExam')
      case 'afterPass':
        return v.afterPass === null
          ? t('console.offers.noAfterPass')
          : t('console.offers.afterPass', {
              percent: v.afterPass.percent,
              from: day(v.afterPass.passedFrom),
              until: day(v.afterPass.passedUntil),
              before: day(v.afterPass.bookBefore),
            })
      case 'usesPerCode':
        return v.usesPerCode === null
          ? t('console.offers.noLimit')
          : t('console.offers.uses', { uses: v.usesPerCode })
    }
  }
}
