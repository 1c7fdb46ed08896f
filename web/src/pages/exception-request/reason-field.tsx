import { FieldError, Label, Radio, RadioGroup } from 'react-aria-components'
import { EXCEPTION_REASONS } from '../../../../src/domain/exception-request'
import { useT } from '../../i18n/use-t'

/** The reasons the policy accepts, each said in words, and what is never one. */
export function ReasonField({ errorMessage }: { errorMessage: string | null }) {
  const t = useT()
  return (
    <>
      <RadioGroup
        name="reason"
        id="reason"
        className="field radio-group reason-choices"
        isInvalid={errorMessage !== null}
      >
        <Label className="group-label">{t('exception.new.reason')}</Label>
        {EXCEPTION_REASONS.map((reason) => (
          <Radio key={reason} value={reason} className="radio">
            <span className="radio-dot" aria-hidden="true" />
            <span>
              <strong>{t(`exception.new.reason.${reason}`)}</strong>
              <br />
              <span className="secondary">{t(`exception.new.reason.${reason}.help`)}</span>
            </span>
          </Radio>
        ))}
        <FieldError className="field-error">{errorMessage}</FieldError>
      </RadioGroup>
      <aside className="not-accepted" aria-labelledby="not-accepted">
        <h3 id="not-accepted">{t('exception.new.notAccepted')}</h3>
        <p>{t('problem.EXCEPTION_REASON_NOT_ACCEPTED')}</p>
      </aside>
    </>
  )
}
