import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useMemo, useState } from 'react'
import { FieldError, Form, Input, Label, TextField } from 'react-aria-components'
import { useIntl } from 'react-intl'
import { $api, api, Problem } from '../../api/client'
import { regionNames } from '../../i18n/formatters'
import { useT } from '../../i18n/use-t'
import { ChoiceField } from '../../ui/choice-field'
import { ProblemMessage, useDescribeProblem } from '../../ui/problem-message'
import { SubmitButton } from '../../ui/submit-button'
import { timeZoneChoices } from '../../ui/zone-choices'

/**
 * The candidate's profile: name, email, country and time zone; the name
 * and the time zone changed here (`PATCH /v1/candidates/{id}`), the email
 * and country only shown.
 */
export function ProfileSection({ candidateId }: { candidateId: string }) {
  const t = useT()
  const intl = useIntl()
  const describe = useDescribeProblem()
  // The API's sentences for a name or a zone are English: the page says them in the reader's language.
  const describeField = (problem: Problem) =>
    problem.code === 'VALIDATION_FAILED' &&
    (problem.field === 'firstName' || problem.field === 'lastName')
      ? t('account.error.name')
      : problem.code === 'TIME_ZONE_INVALID'
        ? t('account.error.timeZone')
        : describe(problem)
  const queries = useQueryClient()
  const query = $api.useQuery('get', '/v1/candidates/{id}', {
    params: { path: { id: candidateId } },
  })
  const zone = query.data?.timeZone
  const zones = useMemo(() => timeZoneChoices(zone), [zone])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [saved, setSaved] = useState<string | null>(null)

  if (query.isPending) return <p>{t('common.loading')}</p>
  if (query.error !== null) return <ProblemMessage error={query.error} />
  const candidate = query.data
  const country = regionNames(intl.locale).of(candidate.country)

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const field = (name: string) => String(form.get(name) ?? '').trim()
    setBusy(true)
    setError(null)
    setSaved(null)
    try {
      const { data } = await api.PATCH('/v1/candidates/{id}', {
        params: { path: { id: candidateId } },
        body: {
          firstName: field('firstName'),
          lastName: field('lastName'),
          timeZone: field('timeZone'),
          channel: 'web',
        },
      })
      // Every time on every page is shown on the profile's clock: all of them are read again.
      await queries.invalidateQueries()
      if (data !== undefined)
        setSaved(
          t('account.saved', {
            name: `${data.firstName} ${data.lastName}`,
            zone: data.timeZone.replaceAll('_', ' '),
          }),
        )
    } catch (problem) {
      setError(problem)
    } finally {
      setBusy(false)
    }
  }

  // A refusal about one field is said at that field, until the form is sent again; any other above the button.
  const atField = error instanceof Problem && error.field !== undefined ? error.field : null
  const errorAt = (field: string) => (atField === field ? describeField(error as Problem) : null)
  return (
    <section aria-labelledby="profile" className="stack">
      <h2 id="profile">{t('account.profile')}</h2>
      <dl className="facts">
        <dt>{t('account.name')}</dt>
        <dd>
          {candidate.firstName} {candidate.lastName}
        </dd>
        <dt>{t('account.email')}</dt>
        <dd>{candidate.email}</dd>
        <dt>{t('account.country')}</dt>
        <dd>{country ?? candidate.country}</dd>
        <dt>{t('account.timeZone')}</dt>
        <dd>{candidate.timeZone.replaceAll('_', ' ')}</dd>
      </dl>
      <p className="secondary">{t('account.fixed')}</p>
      <Form
        onSubmit={save}
        validationBehavior="aria"
        className="stack narrow profile-form"
        aria-labelledby="edit-profile"
      >
        <h3 id="edit-profile">{t('account.edit')}</h3>
        <p className="secondary">{t('account.editHelp')}</p>
        <TextField
          name="firstName"
          isInvalid={errorAt('firstName') !== null}
          defaultValue={candidate.firstName}
          autoComplete="given-name"
          isRequired
          className="field"
        >
          <Label>{t('account.firstName')}</Label>
          <Input />
          <FieldError className="field-error">{errorAt('firstName')}</FieldError>
        </TextField>
        <TextField
          name="lastName"
          isInvalid={errorAt('lastName') !== null}
          defaultValue={candidate.lastName}
          autoComplete="family-name"
          isRequired
          className="field"
        >
          <Label>{t('account.lastName')}</Label>
          <Input />
          <FieldError className="field-error">{errorAt('lastName')}</FieldError>
        </TextField>
        <ChoiceField
          name="timeZone"
          label={t('account.timeZone')}
          choices={zones}
          defaultSelectedKey={candidate.timeZone}
          isRequired
          errorMessage={errorAt('timeZone')}
        />
        {error !== null && atField === null && <ProblemMessage error={error} />}
        {saved !== null && (
          <p role="status" className="confirmation">
            {saved}
          </p>
        )}
        <div>
          <SubmitButton busy={busy}>{t('account.save')}</SubmitButton>
        </div>
      </Form>
    </section>
  )
}
