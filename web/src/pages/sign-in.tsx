import { type FormEvent, useState } from 'react'
import { Button, FieldError, Form, Input, Label, TextField } from 'react-aria-components'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { api, rememberCsrfToken } from '../api/client'
import { useSessionChanged } from '../api/session'
import { useT } from '../i18n/use-t'
import { usePageTitle } from '../ui/page-title'
import { ProblemMessage } from '../ui/problem-message'
import { SubmitButton } from '../ui/submit-button'
import { PasskeySignIn } from './passkey-sign-in'

/**
 * Sign in by mail: the email, then the code the mail carries, typed or
 * pasted here (the mail's link does the same from its own page). The answer
 * is the same whether or not the email has an account. Or with a passkey,
 * beside the email.
 */
export function SignInPage() {
  const t = useT()
  usePageTitle(t('signIn.title'))
  const [email, setEmail] = useState<string | null>(null)
  const signedIn = useSignedIn()
  return (
    <section className="narrow">
      <h1>{t('signIn.title')}</h1>
      {email === null ? (
        <>
          <EmailStep onSent={setEmail} />
          <PasskeySignIn onSignedIn={signedIn} />
        </>
      ) : (
        <CodeStep email={email} onOtherEmail={() => setEmail(null)} />
      )}
      <p>
        {t('signIn.noAccount')} <Link to="/sign-up">{t('signIn.makeAccount')}</Link>
      </p>
    </section>
  )
}

function EmailStep({ onSent }: { onSent(email: string): void }) {
  const t = useT()
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const email = String(new FormData(event.currentTarget).get('email')).trim()
    setBusy(true)
    setError(null)
    try {
      await api.POST('/v1/sign-in/email', { body: { email } })
      onSent(email)
    } catch (problem) {
      setError(problem)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Form onSubmit={send} className="stack">
      <p>{t('signIn.emailIntro')}</p>
      <TextField name="email" type="email" autoComplete="email" isRequired className="field">
        <Label>{t('signIn.email')}</Label>
        <Input />
        <FieldError />
      </TextField>
      {error !== null && <ProblemMessage error={error} />}
      <SubmitButton busy={busy}>{t('signIn.sendMail')}</SubmitButton>
    </Form>
  )
}

/** Used after a sign-up too: both end with the code from a mail. */
export function CodeStep({ email, onOtherEmail }: { email: string; onOtherEmail?(): void }) {
  const t = useT()
  const signedIn = useSignedIn()
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  async function signIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const code = String(new FormData(event.currentTarget).get('code'))
    setBusy(true)
    setError(null)
    try {
      const { data } = await api.POST('/v1/sign-in/code', { body: { email, code } })
      await signedIn(data?.csrfToken)
    } catch (problem) {
      setError(problem)
      setBusy(false)
    }
  }

  return (
    <Form onSubmit={signIn} className="stack">
      <p role="status">{t('signIn.mailSent', { email })}</p>
      <TextField name="code" autoComplete="one-time-code" isRequired className="field" autoFocus>
        <Label>{t('signIn.code')}</Label>
        <Input className="code-input" spellCheck={false} autoCapitalize="characters" />
        <FieldError />
      </TextField>
      {error !== null && <ProblemMessage error={error} />}
      <div className="row">
        <SubmitButton busy={busy}>{t('signIn.signIn')}</SubmitButton>
        {onOtherEmail !== undefined && (
          <Button className="button quiet" onPress={onOtherEmail}>
            {t('signIn.otherEmail')}
          </Button>
        )}
      </div>
    </Form>
  )
}

/** After any sign-in: the session's token kept, every answer of before dropped, and on to where the person was going. */
function useSignedIn(): (csrfToken: string | undefined) => Promise<void> {
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const sessionChanged = useSessionChanged()
  return async (csrfToken) => {
    rememberCsrfToken(csrfToken)
    await sessionChanged()
    navigate(safeNext(params.get('next')), { replace: true })
  }
}

/** Only a path of this site: a `next` pointing elsewhere would make the sign-in a redirector. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/'
}
