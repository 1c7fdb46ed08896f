import type { Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import type { DB } from '../../src/db/engine/schema.js'
import { DEMO_SIGN_IN } from '../../src/demo/demo-accounts.js'
import { testDatabases } from '../support/databases.js'
import { call, expectOk, expectProblem, NOW, useApi } from './api-harness.js'
import {
  anonymous,
  asBrowser,
  type Browser,
  latestSignInMail,
  requestSignIn,
  signIn,
  signInMails,
} from './sign-in-world.js'

const CHLOE = DEMO_SIGN_IN.candidate
const ROSA = DEMO_SIGN_IN.support
const NEW_ADDRESS = 'chloe@nguyen.example'
const FORM = { 'content-type': 'application/x-www-form-urlencoded' }
const BROWSER_FORM = {
  ...FORM,
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
}

/** What a confirmation mail carries, read from the outbox as its recipient reads it. */
interface ConfirmationMail {
  readonly subject: string
  readonly secret: string
  readonly code: string
  readonly body: string
}

async function confirmationMails(db: Kysely<DB>, to: string): Promise<ConfirmationMail[]> {
  const rows = await db
    .selectFrom('outbox')
    .select(['subject', 'body_text'])
    .where('kind', '=', 'email-change')
    .where('recipient', '=', to)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map((row) => {
    const link = /Confirm link: +(\S+)/.exec(row.body_text)?.[1]
    const code = /Or type code: +(\S+)/.exec(row.body_text)?.[1]
    if (link === undefined || code === undefined)
      throw new Error(`not a confirmation mail: ${row.body_text}`)
    return { subject: row.subject, secret: link.split('/').at(-1)!, code, body: row.body_text }
  })
}

async function latestConfirmation(db: Kysely<DB>, to: string): Promise<ConfirmationMail> {
  const mail = (await confirmationMails(db, to)).at(-1)
  if (mail === undefined) throw new Error(`no confirmation mail to ${to}`)
  return mail
}

async function mailsOfKind(db: Kysely<DB>, kind: string) {
  return db
    .selectFrom('outbox')
    .select(['recipient', 'dedupe_key', 'subject', 'body_text'])
    .where('kind', '=', kind)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

interface AccountOut {
  readonly id: string
  readonly email: string
  readonly emailVerifiedAt: string | null
  readonly candidateId: string | null
}

describe.each(testDatabases())('changing an account’s email ($name)', ({ open }) => {
  const world = useApi(open)

  const ask = (browser: Browser, email: string) =>
    asBrowser(world(), browser, 'POST', '/v1/me/email', { body: { email } })
  const confirm = (browser: Browser, code: string) =>
    asBrowser(world(), browser, 'POST', '/v1/me/email/confirm', { body: { code } })
  const me = async (browser: Browser) =>
    expectOk<{ account: AccountOut }>(await asBrowser(world(), browser, 'GET', '/v1/me')).account

  it("changes a candidate's email only once the code mailed to the new address is typed, tells the old address, and keeps every session", async () => {
    const laptop = await signIn(world(), CHLOE)
    const phone = await signIn(world(), CHLOE)
    const asked = await ask(laptop, NEW_ADDRESS)
    expect(asked.statusCode, asked.body).toBe(202)

    const mail = await latestConfirmation(world().db, NEW_ADDRESS)
    expect(mail.subject).toBe('Confirm the new email of your examdesk account')
    expect(mail.body).toContain('Hello Chloe Nguyen,')
    expect(mail.body).toContain(`Confirm link:  http://127.0.0.1:3000/confirm-email/${mail.secret}`)
    expect(mail.code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/)
    const stored = await world().db.selectFrom('email_change_requests').selectAll().execute()
    expect(JSON.stringify(stored)).not.toContain(mail.secret)
    expect(JSON.stringify(stored)).not.toContain(mail.code.replace('-', ''))
    // Nothing has changed yet, and no mail has gone to the address the account has.
    expect((await me(laptop)).email).toBe(CHLOE)
    expect(await mailsOfKind(world().db, 'email-changed')).toEqual([])

    const confirmed = expectOk<{ account: AccountOut }>(
      await confirm(phone, mail.code.toLowerCase().replace('-', ' ')),
    )
    expect(confirmed.account).toMatchObject({
      email: NEW_ADDRESS,
      emailVerifiedAt: '2026-06-15T12:00:00.000Z',
      candidateId: 'cand-chloe',
    })
    // Both sessions still work, and read the new email.
    expect((await me(laptop)).email).toBe(NEW_ADDRESS)
    expect((await me(phone)).email).toBe(NEW_ADDRESS)
    const record = expectOk<{ email: string }>(
      await call(world(), 'GET', '/v1/candidates/cand-chloe'),
    )
    expect(record.email).toBe(NEW_ADDRESS)

    const audit = await world()
      .db.selectFrom('audit_log')
      .select(['action', 'subject_type', 'actor_account_id', 'detail'])
      .where('action', 'in', ['email-change-asked', 'email-changed', 'profile-changed'])
      .orderBy('at')
      .orderBy('id')
      .execute()
    expect(audit.map((entry) => ({ ...entry, detail: JSON.parse(entry.detail) }))).toEqual([
      {
        action: 'email-change-asked',
        subject_type: 'account',
        actor_account_id: 'acct-chloe',
        detail: { requestId: stored[0]!.id, to: NEW_ADDRESS, inUse: false },
      },
      {
        action: 'email-changed',
        subject_type: 'account',
        actor_account_id: 'acct-chloe',
        detail: { requestId: stored[0]!.id, from: CHLOE, to: NEW_ADDRESS },
      },
      {
        action: 'profile-changed',
        subject_type: 'candidate',
        actor_account_id: 'acct-chloe',
        detail: { email: { from: CHLOE, to: NEW_ADDRESS } },
      },
    ])

    const told = await mailsOfKind(world().db, 'email-changed')
    expect(told).toHaveLength(1)
    expect(told[0]).toMatchObject({
      recipient: CHLOE,
      dedupe_key: `email-changed:${stored[0]!.id}`,
      subject: 'The email of your examdesk account was changed',
    })
    expect(told[0]!.body_text).toMatch(/^ {2}Was: +chloe\.nguyen@example\.com$/m)
    expect(told[0]!.body_text).toMatch(/^ {2}Now: +chloe@nguyen\.example$/m)
    expect(told[0]!.body_text).toContain('If it was not you')

    // The code is spent; sign-in mail goes to the new address, and the old one signs nobody in.
    expectProblem(await confirm(phone, mail.code), 400, 'EMAIL_CHANGE_CODE_INVALID', 'code')
    await requestSignIn(world(), CHLOE)
    expect(await signInMails(world().db, CHLOE)).toHaveLength(2)
    await requestSignIn(world(), NEW_ADDRESS)
    expect(await signInMails(world().db, NEW_ADDRESS)).toHaveLength(1)
  })

  it('shows a page for the link opened by GET and changes nothing; its button confirms once, a second press is refused with a page', async () => {
    const browser = await signIn(world(), CHLOE)
    expect((await ask(browser, NEW_ADDRESS)).statusCode).toBe(202)
    const mail = await latestConfirmation(world().db, NEW_ADDRESS)
    for (let i = 0; i < 2; i++) {
      const page = await anonymous(world(), 'GET', `/confirm-email/${mail.secret}`)
      expect(page.statusCode).toBe(200)
      expect(page.headers['content-type']).toMatch(/^text\/html/)
      expect(page.headers['referrer-policy']).toBe('no-referrer')
      expect(page.body).toContain('<form method="post">')
      expect(page.body).not.toContain(mail.secret)
    }
    expect((await me(browser)).email).toBe(CHLOE)

    // No session needed: whoever holds the link holds the mailbox.
    const pressed = await anonymous(
      world(),
      'POST',
      `/confirm-email/${mail.secret}`,
      '',
      BROWSER_FORM,
    )
    expect(pressed.statusCode, pressed.body).toBe(200)
    expect(pressed.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(pressed.body).toContain('Email changed')
    expect(pressed.body).toContain(NEW_ADDRESS)
    expect(pressed.headers['set-cookie']).toBeUndefined()
    expect((await me(browser)).email).toBe(NEW_ADDRESS)

    const again = await anonymous(
      world(),
      'POST',
      `/confirm-email/${mail.secret}`,
      '',
      BROWSER_FORM,
    )
    expect(again.statusCode).toBe(400)
    expect(again.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(again.body).toContain('<code>EMAIL_CHANGE_LINK_INVALID</code>')
    expect(again.body).toContain('ask again for the change')
    expectProblem(
      await anonymous(world(), 'POST', `/confirm-email/${mail.secret}`, '', {
        ...FORM,
        accept: 'application/json',
      }),
      400,
      'EMAIL_CHANGE_LINK_INVALID',
    )
    expect(await mailsOfKind(world().db, 'email-changed')).toHaveLength(1)
  })

  it('answers an address another account has exactly as a free one, and mails that address that it has an account, with nothing to confirm', async () => {
    const browser = await signIn(world(), CHLOE)
    expect((await ask(browser, 'someone.else@example.org')).statusCode).toBe(202)
    const pending = await latestConfirmation(world().db, 'someone.else@example.org')
    const free = await ask(browser, NEW_ADDRESS)
    const taken = await ask(browser, 'Rosa.Delgado@examdesk.example')
    expect(taken.statusCode).toBe(202)
    expect(taken.body).toBe(free.body)

    const inUse = await mailsOfKind(world().db, 'email-change-in-use')
    expect(inUse).toHaveLength(1)
    expect(inUse[0]).toMatchObject({
      recipient: ROSA,
      subject: 'This email already has an examdesk account',
    })
    expect(inUse[0]!.body_text).toContain('Hello Rosa Delgado,')
    expect(inUse[0]!.body_text).not.toMatch(/Chloe|Confirm link|code/i)
    expect(await confirmationMails(world().db, ROSA)).toEqual([])
    // The latest request is the one that counts: the earlier ones stop working either way.
    expectProblem(await confirm(browser, pending.code), 400, 'EMAIL_CHANGE_CODE_INVALID')
    const newer = await latestConfirmation(world().db, NEW_ADDRESS)
    expectProblem(await confirm(browser, newer.code), 400, 'EMAIL_CHANGE_CODE_INVALID')
    expect((await me(browser)).email).toBe(CHLOE)
    expect(
      await world().db.selectFrom('email_change_requests').select('id').execute(),
    ).toHaveLength(2)
  })

  it('refuses the address the account has, and confirms a change of case alone', async () => {
    const browser = await signIn(world(), CHLOE)
    expectProblem(await ask(browser, CHLOE), 422, 'EMAIL_UNCHANGED', 'email')
    expectProblem(await ask(browser, 'not an address'), 400, 'EMAIL_INVALID', 'email')
    expect((await ask(browser, 'Chloe.Nguyen@example.com')).statusCode).toBe(202)
    const mail = await latestConfirmation(world().db, 'Chloe.Nguyen@example.com')
    expect((await me(browser)).email).toBe(CHLOE)
    expect(expectOk<{ account: AccountOut }>(await confirm(browser, mail.code)).account.email).toBe(
      'Chloe.Nguyen@example.com',
    )
  })

  it('takes a code only from the account it was asked for, within 15 minutes, and kills a request at its fifth wrong code', async () => {
    const chloe = await signIn(world(), CHLOE)
    const rosa = await signIn(world(), ROSA)
    await ask(chloe, NEW_ADDRESS)
    const mail = await latestConfirmation(world().db, NEW_ADDRESS)
    expectProblem(await confirm(rosa, mail.code), 400, 'EMAIL_CHANGE_CODE_INVALID')
    expect((await me(rosa)).email).toBe(ROSA)

    world().clock.set(NOW + 15 * 60_000)
    expectProblem(await confirm(chloe, mail.code), 400, 'EMAIL_CHANGE_CODE_INVALID')
    world().clock.set(NOW + 15 * 60_000 - 1)
    const wrong = mail.code.startsWith('2') ? '3333-3333' : '2222-2222'
    for (let i = 0; i < 4; i++)
      expectProblem(await confirm(chloe, wrong), 400, 'EMAIL_CHANGE_CODE_INVALID')
    // Four wrong codes, one of them too late: the right one still works, at its last moment.
    expect(expectOk<{ account: AccountOut }>(await confirm(chloe, mail.code)).account.email).toBe(
      NEW_ADDRESS,
    )

    // Asking again, 15 minutes on, needs a recent sign-in: with the new address now.
    const again = await signIn(world(), NEW_ADDRESS)
    await ask(again, 'chloe.two@nguyen.example')
    const second = await latestConfirmation(world().db, 'chloe.two@nguyen.example')
    const wrongAgain = second.code.startsWith('2') ? '3333-3333' : '2222-2222'
    for (let i = 0; i < 5; i++)
      expectProblem(await confirm(chloe, wrongAgain), 400, 'EMAIL_CHANGE_CODE_INVALID')
    expectProblem(await confirm(again, second.code), 400, 'EMAIL_CHANGE_CODE_INVALID')
    expectProblem(
      await anonymous(world(), 'POST', `/confirm-email/${second.secret}`, '', FORM),
      400,
      'EMAIL_CHANGE_LINK_INVALID',
    )
    expect((await me(chloe)).email).toBe(NEW_ADDRESS)
  })

  it('refuses to confirm an address another account took meanwhile, and changes nothing', async () => {
    const browser = await signIn(world(), CHLOE)
    await ask(browser, NEW_ADDRESS)
    const mail = await latestConfirmation(world().db, NEW_ADDRESS)
    // Someone makes an account with the address before Chloe confirms it.
    expect(
      (
        await anonymous(world(), 'POST', '/v1/accounts', {
          firstName: 'Other',
          lastName: 'Person',
          email: NEW_ADDRESS,
          country: 'AU',
          timeZone: 'Australia/Sydney',
        })
      ).statusCode,
    ).toBe(202)
    const problem = expectProblem(await confirm(browser, mail.code), 409, 'ACCOUNT_EMAIL_TAKEN')
    expect(problem.email).toBe(NEW_ADDRESS)
    expect((await me(browser)).email).toBe(CHLOE)
    const record = expectOk<{ email: string }>(
      await call(world(), 'GET', '/v1/candidates/cand-chloe'),
    )
    expect(record.email).toBe(CHLOE)
    expect(await mailsOfKind(world().db, 'email-changed')).toEqual([])
  })

  it('stops the sign-in mails still live for the old address once the new one is confirmed', async () => {
    const browser = await signIn(world(), CHLOE)
    await requestSignIn(world(), CHLOE)
    const pendingSignIn = await latestSignInMail(world().db, CHLOE)
    await ask(browser, NEW_ADDRESS)
    expectOk(await confirm(browser, (await latestConfirmation(world().db, NEW_ADDRESS)).code))
    expectProblem(
      await anonymous(world(), 'POST', '/v1/sign-in/code', {
        email: NEW_ADDRESS,
        code: pendingSignIn.code,
      }),
      400,
      'SIGN_IN_CODE_INVALID',
    )
    expectProblem(
      await anonymous(world(), 'POST', `/sign-in/${pendingSignIn.secret}`, '', FORM),
      400,
      'SIGN_IN_LINK_INVALID',
    )
  })

  it("lets an admin change a staff account's email, confirmed by the staff member from the new address, and no candidate's", async () => {
    const asked = await call(world(), 'POST', '/v1/admin/accounts/acct-rosa/email', {
      email: 'rosa@delgado.example',
    })
    expect(asked.statusCode, asked.body).toBe(202)
    const mail = await latestConfirmation(world().db, 'rosa@delgado.example')
    expect(mail.body).toContain(
      'An administrator asked to change the email of your examdesk staff account to this address.',
    )
    const audit = await world()
      .db.selectFrom('audit_log')
      .select(['actor_role', 'subject_id'])
      .where('action', '=', 'email-change-asked')
      .execute()
    expect(audit).toEqual([{ actor_role: 'admin', subject_id: 'acct-rosa' }])

    // The staff member presses the link's button, signed in nowhere.
    const pressed = await anonymous(world(), 'POST', `/confirm-email/${mail.secret}`, '', FORM)
    expect(pressed.statusCode).toBe(200)
    const told = await mailsOfKind(world().db, 'email-changed')
    expect(told.map((row) => row.recipient)).toEqual([ROSA])
    expect(told[0]!.body_text).toContain('at an administrator’s request')
    const rosa = await signIn(world(), 'rosa@delgado.example')
    expect((await me(rosa)).id).toBe('acct-rosa')

    expectProblem(
      await call(world(), 'POST', '/v1/admin/accounts/acct-chloe/email', {
        email: 'chloe@elsewhere.example',
      }),
      409,
      'ACCOUNT_NOT_STAFF',
    )
    expectProblem(
      await call(world(), 'POST', '/v1/admin/accounts/no-such-account/email', {
        email: 'x@elsewhere.example',
      }),
      404,
      'ACCOUNT_NOT_FOUND',
    )
    expectProblem(
      await call(
        world(),
        'POST',
        '/v1/admin/accounts/acct-rosa/email',
        { email: 'x@elsewhere.example' },
        'support',
      ),
      403,
      'FORBIDDEN',
    )
    expect(await confirmationMails(world().db, 'chloe@elsewhere.example')).toEqual([])
  })

  it('limits email changes to 5 an account per 15 minutes, with Retry-After, whatever the addresses', async () => {
    const browser = await signIn(world(), CHLOE)
    for (let i = 0; i < 5; i++)
      expect((await ask(browser, `chloe.${i}@nguyen.example`)).statusCode).toBe(202)
    const refused = await ask(browser, 'chloe.5@nguyen.example')
    const problem = expectProblem(refused, 429, 'EMAIL_CHANGE_THROTTLED')
    expect(problem.lockedFor).toBe('account')
    expect(refused.headers['retry-after']).toBe('900')
    expect(await confirmationMails(world().db, 'chloe.5@nguyen.example')).toEqual([])
    world().clock.set(NOW + 15 * 60_000)
    // By then the sign-in is too old for the change itself: sign in again.
    expectProblem(await ask(browser, 'chloe.5@nguyen.example'), 403, 'REAUTHENTICATION_REQUIRED')
    const again = await signIn(world(), CHLOE)
    expect((await ask(again, 'chloe.5@nguyen.example')).statusCode).toBe(202)
  })

  it("hides a confirmation mail's link and code from staff reading the outbox", async () => {
    const browser = await signIn(world(), CHLOE)
    await ask(browser, NEW_ADDRESS)
    const sent = await latestConfirmation(world().db, NEW_ADDRESS)
    const listed = expectOk<{ items: { id: string; kind: string }[] }>(
      await call(world(), 'GET', '/v1/admin/mail?limit=200', undefined, 'support'),
    )
    const id = listed.items.find((mail) => mail.kind === 'email-change')!.id
    const shown = await call(world(), 'GET', `/v1/admin/mail/${id}`, undefined, 'support')
    const mail = expectOk<{ bodyText: string }>(shown)
    expect(mail.bodyText).toContain('Confirm link:  (shown to the recipient only)')
    expect(mail.bodyText).toContain('Or type code:  (shown to the recipient only)')
    for (const secret of [sent.secret, sent.code, sent.code.replace('-', '')])
      expect(shown.body).not.toContain(secret)
  })

  it('needs a signed-in person, and the CSRF token, to ask', async () => {
    const browser = await signIn(world(), CHLOE)
    expectProblem(
      await asBrowser(world(), browser, 'POST', '/v1/me/email', {
        body: { email: NEW_ADDRESS },
        csrf: null,
      }),
      403,
      'CSRF_TOKEN_INVALID',
    )
    expectProblem(
      await call(world(), 'POST', '/v1/me/email', { email: NEW_ADDRESS }, 'support'),
      403,
      'ACCOUNT_REQUIRED',
    )
    expect(await confirmationMails(world().db, NEW_ADDRESS)).toEqual([])
  })
})
