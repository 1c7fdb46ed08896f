import { useIntl } from 'react-intl'
import type { Candidate, Exam } from '../../api/candidate'
import { $api } from '../../api/client'
import { CodeAbilities } from '../../codes/code-abilities'
import { useT } from '../../i18n/use-t'
import { formatMoney } from '../../time/format'
import { ProblemMessage } from '../../ui/problem-message'
import { QuerySection } from '../../ui/query-section'
import { OffersToEnrol } from './offers-to-enrol'

/**
 * The exam's list price in every currency it is listed in, the one a
 * booking is charged in said when there are several, and the candidate's
 * usable codes whose offer covers this exam, each with what it can still do.
 */
export function PriceAndCodes({ exam, candidate }: { exam: Exam; candidate: Candidate | null }) {
  const t = useT()
  const intl = useIntl()
  const query = $api.useQuery('get', '/v1/exams/{number}/pricing', {
    params: { path: { number: exam.number } },
  })
  const pricing = query.data
  const currencyName = (code: string) =>
    new Intl.DisplayNames([intl.locale], { type: 'currency' }).of(code) ?? code
  return (
    <QuerySection id="price" title={t('exam.price')} query={query} empty={null}>
      {pricing !== undefined && (
        <>
          <dl className="facts">
            <dt>{t('exam.price.list')}</dt>
            <dd>
              {pricing.prices.length === 0
                ? t('exam.price.free')
                : pricing.prices
                    .map((price) => formatMoney(intl.locale, price.cents, price.currency))
                    .join(' · ')}
            </dd>
            <dt>{t('exam.price.class')}</dt>
            <dd>{t(`exam.price.class.${pricing.priceClass}`)}</dd>
          </dl>
          {pricing.prices.length > 1 && pricing.chargedIn !== null && (
            <p>{t('exam.price.chargedIn', { currency: currencyName(pricing.chargedIn) })}</p>
          )}
        </>
      )}
      {candidate !== null && <HeldCodes exam={exam} candidate={candidate} />}
      {candidate !== null && <OffersToEnrol exam={exam} candidate={candidate} />}
    </QuerySection>
  )
}

function HeldCodes({ exam, candidate }: { exam: Exam; candidate: Candidate }) {
  const t = useT()
  const query = $api.useQuery('get', '/v1/candidates/{id}/codes', {
    params: { path: { id: candidate.id }, query: { exam: exam.number, limit: 200 } },
  })
  const held = query.data?.items ?? []
  const covering = held.filter((code) => code.state === 'usable' && code.coversExam === true)
  return (
    <section aria-labelledby="codes" className="page-section">
      <h3 id="codes">{t('exam.codes')}</h3>
      {query.isPending && <p>{t('common.loading')}</p>}
      {query.error !== null && <ProblemMessage error={query.error} />}
      {query.isSuccess && covering.length === 0 && (
        <p className="secondary">
          {t(held.length === 0 ? 'exam.codes.noneHeld' : 'exam.codes.none')}
        </p>
      )}
      {covering.length > 0 && (
        <>
          <ul className="plain-list">
            {covering.map((code) => (
              <li key={code.code}>
                <code className="voucher-code">{code.code}</code> <strong>{code.offer.name}</strong>
                <CodeAbilities held={code} timeZone={candidate.timeZone} />
              </li>
            ))}
          </ul>
          <p className="secondary">{t('exam.codes.note')}</p>
        </>
      )}
    </section>
  )
}
