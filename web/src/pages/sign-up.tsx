import { type FormEvent, useMemo, useState } from 'react'
import { FieldError, Form, Input, Label, TextField } from 'react-aria-components'
import { useIntl } from 'react-intl'
import { Link } from 'react-router'
import { ASSIGNED_COUNTRIES } from '../../../src/domain/country'
import { api } from '../api/client'
import { regionNames } from '../i18n/formatters'
import { useT } from '../i18n/use-t'
import { readerTimeZone } from '../time/format'
import { type Choice, ChoiceField } from '../ui/choice-field'
import { usePageTitle } from '../ui/page-title'
import { ProblemMessage } from '../ui/problem-message'
import { SubmitButton } from '../ui/submit-button'
import { timeZoneChoices } from '../ui/zone-choices'
import { CodeStep } from './sign-in'

/**
 * Making an account: the email is verified by the code its mail carries,
 * and only then does the account exist to book with (or claim the candidate
 * record that has that email).
 */
export function SignUpPage() {
  const t = useT()
  const intl = useIntl()
  usePageTitle(t('signUp.title'))
  const [sentTo, setSentTo] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const countries = useMemo(() => countryChoices(intl.locale), [intl.locale])
  const zones = useMemo(() => timeZoneChoices(), [])

  async function signUp(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const field = (name: string) => String(form.get(name) ?? '').trim()
    setBusy(true)
    setError(null)
    try {
      await api.POST('/v1/accounts', {
        body: {
          firstName: field('firstName'),
          lastName: field('lastName'),
          email: field('email'),
          country: field('country'),
          timeZone: field('timeZone'),
        },
      })
      setSentTo(field('email'))
    } catch (problem) {
      setError(problem)
    } finally {
      setBusy(false)
    }
  }

  if (sentTo !== null)
    return (
      <section className="narrow">
        <h1>{t('signUp.title')}</h1>
        <CodeStep email={sentTo} />
      </section>
    )

  return (
    <section className="narrow">
      <h1>{t('signUp.title')}</h1>
      <p>{t('signUp.intro')}</p>
      <Form onSubmit={signUp} className="stack">
        <TextField name="firstName" autoComplete="given-name" isRequired className="field">
          <Label>{t('signUp.firstName')}</Label>
          <Input />
          <FieldError />
        </TextField>
        <TextField name="lastName" autoComplete="family-name" isRequired className="field">
          <Label>{t('signUp.lastName')}</Label>
          <Input />
          <FieldError />
        </TextField>
        <TextField name="email" type="email" autoComplete="email" isRequired className="field">
          <Label>{t('signIn.email')}</Label>
          <Input />
          <FieldError />
        </TextField>
        <ChoiceField name="country" label={t('signUp.country')} choices={countries} isRequired />
        <ChoiceField
          name="timeZone"
          label={t('signUp.timeZone')}
          choices={zones}
          defaultSelectedKey={readerTimeZone()}
          isRequired
        />
        {error !== null && <ProblemMessage error={error} />}
        <SubmitButton busy={busy}>{t('signUp.submit')}</SubmitButton>
      </Form>
      <p>
        {t('signUp.haveAccount')} <Link to="/sign-in">{t('signIn.title')}</Link>
      </p>
    </section>
  )
}

function countryChoices(locale: string): Choice[] {
  const names = regionNames(locale)
  return ASSIGNED_COUNTRIES.map((code) => ({ id: code, label: names.of(code) ?? code })).sort(
    (a, b) => a.label.localeCompare(b.label, locale),
  )
}
