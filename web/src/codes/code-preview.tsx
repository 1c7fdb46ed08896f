import { Checkbox } from 'react-aria-components'
import { useIntl } from 'react-intl'
import type { paths } from '../api/schema'
import { useDecisionSentence } from '../decisions/decision-sentence'
import { useReader } from '../i18n/reader'
import { useT } from '../i18n/use-t'
import { formatMoney } from '../time/format'
import { type CodeSentence, useCodeSentence } from './code-sentence'

export type CodePreview =
  paths['/v1/vouchers/{code}/preview']['get']['responses'][200]['content']['application/json']

/**
 * What a code would do before anything is booked with it: what it does, what
 * it keeps, what it would give up (which needs a tick), and the price after
 * it; or why it would be refused.
 */
export function CodePreviewPanel(props: {
  readonly preview: CodePreview
  readonly forfeitAcknowledged: boolean
  onForfeitAcknowledged(acknowledged: boolean): void
}) {
  const t = useT()
  const reader = useReader()
  const intl = useIntl()
  const say = useDecisionSentence()
  const { sentence: sayCode, scope } = useCodeSentence()
  const { preview } = props
  const { sentences, timeZone } = preview
  // Each sentence in the reader's language, from its code; the API's English where it has none.
  const said = (list: readonly CodeSentence[], english: readonly string[]) =>
    list.map((sentence, index) => sayCode(sentence, timeZone, english[index] ?? '')).join(' ')
  const refusal = preview.refusal
  return (
    <div className={`code-preview ${preview.accepted ? '' : 'refused'}`} aria-live="polite">
      <p>
        <strong>{preview.offer.name}</strong>{' '}
        <span className="secondary">({scope(preview.offer.exams)})</span>
      </p>
      {refusal !== null ? (
        <p className="problem">
          {refusal.sentence
            ? sayCode(refusal.sentence, timeZone, refusal.reason)
            : say({ code: refusal.code, reason: refusal.reason })}
        </p>
      ) : (
        <dl className="facts">
          {preview.does !== null && (
            <>
              <dt>{t('code.does')}</dt>
              <dd>
                {sentences.does ? sayCode(sentences.does, timeZone, preview.does) : preview.does}
              </dd>
            </>
          )}
          {preview.keeps.length > 0 && (
            <>
              <dt>{t('code.keeps')}</dt>
              <dd>{said(sentences.keeps, preview.keeps)}</dd>
            </>
          )}
          {preview.loses.length > 0 && (
            <>
              <dt>{t('code.loses')}</dt>
              <dd className="attention">{said(sentences.loses, preview.loses)}</dd>
            </>
          )}
          {preview.price !== null && (
            <>
              <dt>{t('code.price')}</dt>
              <dd>
                {preview.price.dueCents === preview.price.listCents
                  ? formatMoney(intl.locale, preview.price.dueCents, preview.price.currency)
                  : t('code.priceAfter', {
                      list: formatMoney(
                        intl.locale,
                        preview.price.listCents,
                        preview.price.currency,
                      ),
                      due: formatMoney(intl.locale, preview.price.dueCents, preview.price.currency),
                    })}
              </dd>
            </>
          )}
        </dl>
      )}
      {preview.requiresAcknowledgement && preview.refusal === null && (
        <Checkbox
          className="checkbox"
          isSelected={props.forfeitAcknowledged}
          onChange={props.onForfeitAcknowledged}
        >
          <span className="checkbox-box" aria-hidden="true" />
          {reader.t('code.acknowledgeForfeit')}
        </Checkbox>
      )}
    </div>
  )
}
