import { FieldError, Input, Label, Radio, RadioGroup, Text, TextField } from 'react-aria-components'
import { ON_BEHALF_REASON_MAX_LENGTH } from '../../../src/domain/on-behalf-reason'
import { useT } from '../i18n/use-t'
import { STAFF_CHANNELS, type StaffChannel, useActing } from './acting'

/**
 * How the candidate asked and why staff act: the channel and the reason
 * that the candidate reads beside the agent's name. Nothing for a candidate
 * acting for themself. `required` where the fields sit inside the act's own
 * form, so that the form says at the field that a reason is missing.
 */
export function ActingHowFields(props: {
  readonly required?: boolean
  /** Said missing by a form that checks it itself before sending. */
  readonly missing?: boolean
}) {
  const t = useT()
  const { typed, forCandidate } = useActing()
  if (forCandidate === null || typed === undefined) return null
  const { value, set } = typed
  return (
    <fieldset className="acting-how card">
      <legend>{t('console.act.how')}</legend>
      <RadioGroup
        className="radio-group"
        value={value.channel}
        onChange={(channel) => set({ ...value, channel: channel as StaffChannel })}
      >
        <Label>{t('console.act.channel')}</Label>
        {STAFF_CHANNELS.map((channel) => (
          <Radio key={channel} value={channel} className="radio">
            <span className="radio-dot" aria-hidden="true" />
            {t(`console.act.channel.${channel}`)}
          </Radio>
        ))}
      </RadioGroup>
      <TextField
        name="onBehalfReason"
        id="onBehalfReason"
        className="field"
        value={value.reason}
        onChange={(reason) => set({ ...value, reason })}
        maxLength={ON_BEHALF_REASON_MAX_LENGTH}
        isRequired={props.required === true}
        {...(props.missing === true ? { isInvalid: true } : {})}
      >
        <Label>{t('console.act.reason')}</Label>
        {/* One line: the candidate reads it after the agent's name, in a sentence. */}
        <Input autoComplete="off" />
        <Text slot="description" className="secondary">
          {t('console.act.reasonHelp')}
        </Text>
        <FieldError className="field-error">{t('console.act.reasonMissing')}</FieldError>
      </TextField>
    </fieldset>
  )
}
