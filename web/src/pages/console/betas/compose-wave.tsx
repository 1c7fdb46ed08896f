import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import {
  FieldError,
  Form,
  Input,
  Label,
  Radio,
  RadioGroup,
  Text,
  TextArea,
  TextField,
} from 'react-aria-components'
import { api } from '../../../api/client'
import { useT } from '../../../i18n/use-t'
import { ProblemMessage } from '../../../ui/problem-message'
import { SubmitButton } from '../../../ui/submit-button'
import type { Wave } from './wave-card'

const AUDIENCES = ['retake', 're-registration', 'roster-rest', 'list'] as const
type Audience = (typeof AUDIENCES)[number]
const CODE_MODES = ['single-use', 'per-wave'] as const
type CodeMode = (typeof CODE_MODES)[number]

/** The beta's next wave composed: its name, audience, codes and the priority the previous wave keeps. */
export function ComposeWave({ exam, onComposed }: { exam: string; onComposed(wave: Wave): void }) {
  const t = useT()
  const queries = useQueryClient()
  const [audience, setAudience] = useState<Audience>('roster-rest')
  const [codeMode, setCodeMode] = useState<CodeMode>('single-use')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [done, setDone] = useState<string | null>(null)

  async function compose(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = event.currentTarget
    const data = new FormData(form)
    const field = (name: string) => String(data.get(name) ?? '').trim()
    const candidateIds = field('candidateIds')
      .split(/\s+/)
      .filter((id) => id !== '')
    const hours = field('hoursAfterPrevious')
    setBusy(true)
    setError(null)
    setDone(null)
    try {
      const { data: wave } = await api.POST('/v1/exams/{number}/beta-programme/waves', {
        params: { path: { number: exam } },
        body: {
          name: field('name'),
          audience,
          codeMode,
          ...(hours === '' ? {} : { hoursAfterPrevious: Number(hours) }),
          ...(audience === 'list' ? { candidateIds } : {}),
        },
      })
      if (wave !== undefined) {
        setDone(t('console.compose.done', { position: wave.position, invited: wave.invited }))
        form.reset()
        await queries.invalidateQueries()
        onComposed(wave)
      }
    } catch (problem) {
      setError(problem)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Form
      onSubmit={compose}
      validationBehavior="aria"
      className="stack narrow"
      aria-labelledby="wave-compose"
    >
      <h2 id="wave-compose">{t('console.compose.title')}</h2>
      <p className="secondary">{t('console.compose.help')}</p>
      <TextField name="name" isRequired maxLength={100} className="field">
        <Label>{t('console.compose.name')}</Label>
        <Input autoComplete="off" />
        <FieldError className="field-error" />
      </TextField>
      <RadioGroup
        className="radio-group"
        value={audience}
        onChange={(value) => setAudience(value as Audience)}
      >
        <Label>{t('console.compose.audience')}</Label>
        {AUDIENCES.map((value) => (
          <Radio key={value} value={value} className="radio">
            <span className="radio-dot" aria-hidden="true" />
            {t(`console.wave.audience.${value}`)}
          </Radio>
        ))}
      </RadioGroup>
      {audience === 'list' && (
        <TextField name="candidateIds" isRequired className="field">
          <Label>{t('console.compose.candidates')}</Label>
          <TextArea rows={4} spellCheck={false} autoComplete="off" />
          <FieldError className="field-error" />
        </TextField>
      )}
      <RadioGroup
        className="radio-group"
        value={codeMode}
        onChange={(value) => setCodeMode(value as CodeMode)}
      >
        <Label>{t('console.compose.codeMode')}</Label>
        {CODE_MODES.map((value) => (
          <Radio key={value} value={value} className="radio">
            <span className="radio-dot" aria-hidden="true" />
            {t(`console.wave.codeMode.${value}`)}
          </Radio>
        ))}
      </RadioGroup>
      <TextField name="hoursAfterPrevious" type="number" defaultValue="72" className="field">
        <Label>{t('console.compose.hours')}</Label>
        <Input inputMode="numeric" min={0} />
        <Text slot="description" className="secondary">
          {t('console.compose.hoursHelp')}
        </Text>
      </TextField>
      {error !== null && <ProblemMessage error={error} />}
      <p role="status">{done ?? ''}</p>
      <div className="row">
        <SubmitButton busy={busy}>{t('console.compose.submit')}</SubmitButton>
      </div>
    </Form>
  )
}
