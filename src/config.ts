import { ACCOUNT_ROLES, type AccountRole } from './domain/account.js'
import {
  DEFAULT_EXCEPTION_DUE_RULE,
  type ExceptionDueRule,
  MAX_EXCEPTION_DUE_WORKING_DAYS,
  MIN_EXCEPTION_DUE_WORKING_DAYS,
} from './domain/exception-due.js'
import { DEFAULT_OIDC_ROLES, type OidcSettings } from './domain/outside-identity.js'
import { DEFAULT_RECENT_SIGN_IN_MS } from './domain/recent-sign-in.js'
import { DEFAULT_SESSION_TIMEOUTS, type SessionTimeouts } from './domain/session.js'
import { parseTimeZone } from './domain/time-zone.js'
import { DEFAULT_HOLD_MINUTES, MAX_HOLD_MINUTES, MIN_HOLD_MINUTES } from './domain/unpaid-hold.js'
import { parseTrustProxy, type TrustProxy } from './trust-proxy.js'

/** What examdesk reads from its environment; `npm start` and `examdesk serve` alike. */
export interface Config {
  readonly port: number
  readonly host: string
  /** `sqlite:PATH` (the default, `sqlite:./data/examdesk.db`) or `postgres://…`. */
  readonly databaseUrl: string
  /** The admin token to install on first start instead of generating one. */
  readonly adminToken: string | undefined
  /** Load the demo catalogue into an empty database (on unless `EXAMDESK_DEMO=0`). */
  readonly demo: boolean
  readonly logLevel: string
  /** Deliver mail by SMTP (`smtp://user:pass@host:587`, `smtps://…`); unset: keep it in `mailDir` and the database. */
  readonly smtpUrl: string | undefined
  /** The From of every mail: an address candidates can allow, `"examdesk" <no-reply@examdesk.invalid>`. */
  readonly mailFrom: string
  /** Where replies go, when anywhere; the From address is not monitored. */
  readonly mailReplyTo: string | undefined
  /** Where to get help, at the foot of every mail: the sender is not monitored. */
  readonly mailHelp: string
  /** Without SMTP, each mail is also written here as an `.eml` file. */
  readonly mailDir: string
  /** How candidates reach help (a phone number, an address, a page), named in mail that asks them to act. */
  readonly helpContact: string
  /** Where candidates book an exam (a web address or a few words), named in vouchers and invitations. */
  readonly bookingPlace: string
  /** What a candidate brings to the test centre, in reminders. */
  readonly bringToExam: string
  /** Days before an appointment its reminder is mailed; 0 sends none. */
  readonly reminderDays: number
  /** The proxies whose X-Forwarded-For names the client's address (`TRUST_PROXY`); none by default. */
  readonly trustProxy: TrustProxy
  /** How long a request's Idempotency-Key is kept, so that a retry within it answers the same (24 h). */
  readonly idempotencyRetentionHours: number
  /** How long a registration with an amount due holds its seat before the job releases it. */
  readonly holdMinutes: number
  /** The address people open examdesk at (`EXAMDESK_PUBLIC_URL`), for sign-in links and every mail's link to its page; unset: where it listens. */
  readonly publicUrl: string | undefined
  /** When a person's session ends: idle (`EXAMDESK_SESSION_IDLE_MINUTES`) and absolute (`EXAMDESK_SESSION_MAX_HOURS`). */
  readonly sessionTimeouts: SessionTimeouts
  /** How long after signing in a person may change their account's email, passkeys, identities or other sessions (`EXAMDESK_RECENT_SIGN_IN_MINUTES`). */
  readonly recentSignInMs: number
  /** OpenID Connect sign-in (`EXAMDESK_OIDC_*`); null, switched off, unless the issuer is set. */
  readonly oidc: OidcSettings | null
  /** When an exception request is due: working days (`EXAMDESK_EXCEPTION_DUE_WORKING_DAYS`) on the programme's clock (`EXAMDESK_PROGRAMME_TIME_ZONE`). */
  readonly exceptionDue: ExceptionDueRule
}

/** The public address when none is configured: the server's default listening address. */
export const DEFAULT_PUBLIC_URL = 'http://127.0.0.1:3000'

/**
 * The public address `serve` takes when none is configured: where a browser
 * on this machine opens a server listening on `host` and `port`. IPv4's
 * loopback, and every interface, by the name `localhost`: browsers allow
 * passkeys at a name only, never at an IP address, and localhost is a
 * secure context over plain HTTP.
 */
export function localPublicUrl(host: string, port: number): string {
  if (host === '127.0.0.1' || host === '0.0.0.0') return `http://localhost:${port}`
  if (host === '::') return `http://[::1]:${port}`
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`
}

const DEFAULT_MAIL_FROM = '"examdesk" <no-reply@examdesk.invalid>'
// Where a candidate of the sources booked and found help: their test-centre provider.
const DEFAULT_HELP_CONTACT = "your test-centre provider's candidate support"
const DEFAULT_BOOKING_PLACE = "your test-centre provider's booking page"
const DEFAULT_BRING =
  'a valid, government-issued photo ID (passport, national identity card or driving licence) in the name you registered with'
const DEFAULT_REMINDER_DAYS = 3
const MAX_REMINDER_DAYS = 60

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env.PORT}"`)
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL ?? 'sqlite:./data/examdesk.db',
    adminToken: readAdminToken(env.EXAMDESK_ADMIN_TOKEN),
    demo: !['0', 'false', 'no', 'off'].includes((env.EXAMDESK_DEMO ?? '1').toLowerCase()),
    logLevel: env.LOG_LEVEL ?? 'info',
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || DEFAULT_MAIL_FROM,
    mailReplyTo: env.MAIL_REPLY_TO || undefined,
    mailHelp:
      env.MAIL_HELP_TEXT ||
      defaultHelp(env.EXAMDESK_HELP_CONTACT || undefined, env.MAIL_REPLY_TO || undefined),
    mailDir: env.MAIL_DIR || './data/mail',
    helpContact:
      env.EXAMDESK_HELP_CONTACT || readReplyAddress(env.MAIL_REPLY_TO) || DEFAULT_HELP_CONTACT,
    bookingPlace: env.EXAMDESK_BOOKING_PLACE || DEFAULT_BOOKING_PLACE,
    bringToExam: env.EXAMDESK_BRING || DEFAULT_BRING,
    reminderDays: readReminderDays(env.EXAMDESK_REMINDER_DAYS),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    idempotencyRetentionHours: readRetentionHours(env.IDEMPOTENCY_RETENTION_HOURS),
    holdMinutes: readHoldMinutes(env.EXAMDESK_HOLD_MINUTES),
    publicUrl: readPublicUrl(env.EXAMDESK_PUBLIC_URL),
    sessionTimeouts: readSessionTimeouts(
      env.EXAMDESK_SESSION_IDLE_MINUTES,
      env.EXAMDESK_SESSION_MAX_HOURS,
    ),
    recentSignInMs:
      readWhole(
        env.EXAMDESK_RECENT_SIGN_IN_MINUTES,
        DEFAULT_RECENT_SIGN_IN_MS / MINUTE_MS,
        1,
        MAX_IDLE_MINUTES,
        'EXAMDESK_RECENT_SIGN_IN_MINUTES',
        'minutes',
      ) * MINUTE_MS,
    oidc: readOidcSettings(env),
    exceptionDue: {
      workingDays: readWhole(
        env.EXAMDESK_EXCEPTION_DUE_WORKING_DAYS,
        DEFAULT_EXCEPTION_DUE_RULE.workingDays,
        MIN_EXCEPTION_DUE_WORKING_DAYS,
        MAX_EXCEPTION_DUE_WORKING_DAYS,
        'EXAMDESK_EXCEPTION_DUE_WORKING_DAYS',
        'days',
      ),
      timeZone: readProgrammeTimeZone(env.EXAMDESK_PROGRAMME_TIME_ZONE),
    },
  }
}

/** An IANA zone (`Europe/Dublin`), where the programme's working days begin and end; UTC unless set. */
function readProgrammeTimeZone(text: string | undefined): string {
  if (text === undefined || text === '') return DEFAULT_EXCEPTION_DUE_RULE.timeZone
  const zone = parseTimeZone(text)
  if (zone === null)
    throw new Error(
      `EXAMDESK_PROGRAMME_TIME_ZONE must be an IANA time zone such as Europe/Dublin, not "${text}"`,
    )
  return zone
}

/**
 * OpenID Connect is on when `EXAMDESK_OIDC_ISSUER` is set, and then the
 * client id and secret must be too. The issuer is an https address; plain
 * http only on this machine (a test or local provider). The secret is never
 * put in an error message: a start that fails is logged.
 */
export function readOidcSettings(env: NodeJS.ProcessEnv): OidcSettings | null {
  const text = env.EXAMDESK_OIDC_ISSUER
  if (text === undefined || text === '') return null
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new Error(`EXAMDESK_OIDC_ISSUER must be the issuer's https address, not "${text}"`)
  }
  const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    throw new Error(
      `EXAMDESK_OIDC_ISSUER must be an https address (plain http only on this machine), not "${text}"`,
    )
  const clientId = env.EXAMDESK_OIDC_CLIENT_ID ?? ''
  const clientSecret = env.EXAMDESK_OIDC_CLIENT_SECRET ?? ''
  if (clientId === '' || clientSecret === '')
    throw new Error(
      'EXAMDESK_OIDC_ISSUER is set: EXAMDESK_OIDC_CLIENT_ID and EXAMDESK_OIDC_CLIENT_SECRET must be set too (the client registered at the issuer)',
    )
  return {
    issuer: text,
    clientId,
    clientSecret,
    roles: readOidcRoles(env.EXAMDESK_OIDC_ROLES),
  }
}

/** A comma-separated list of account roles (`support,admin`, the default; add `candidate` to let candidates in). */
function readOidcRoles(text: string | undefined): readonly AccountRole[] {
  if (text === undefined || text.trim() === '') return DEFAULT_OIDC_ROLES
  const roles = text.split(',').map((role) => role.trim().toLowerCase())
  const unknown = roles.filter((role) => !(ACCOUNT_ROLES as readonly string[]).includes(role))
  if (unknown.length > 0 || roles.length === 0)
    throw new Error(
      `EXAMDESK_OIDC_ROLES must list account roles (${ACCOUNT_ROLES.join(', ')}), separated by commas, not "${text}"`,
    )
  return [...new Set(roles as AccountRole[])]
}

/** An http(s) origin, no path: sign-in links are `<it>/sign-in/…`. */
function readPublicUrl(text: string | undefined): string | undefined {
  if (text === undefined || text === '') return undefined
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new Error(`EXAMDESK_PUBLIC_URL must be an http or https address, not "${text}"`)
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname.length > 1)
    throw new Error(
      `EXAMDESK_PUBLIC_URL must be an http or https address without a path (https://exams.example.org), not "${text}"`,
    )
  return url.origin
}

const MINUTE_MS = 60_000
const MAX_IDLE_MINUTES = 24 * 60
const MAX_SESSION_HOURS = 24 * 30

/** Whole minutes idle (1 to a day) and whole hours in all (1 to 30 days); the idle limit no longer than the absolute one. */
function readSessionTimeouts(
  idleText: string | undefined,
  maxText: string | undefined,
): SessionTimeouts {
  const idleMinutes = readWhole(
    idleText,
    DEFAULT_SESSION_TIMEOUTS.idleMs / MINUTE_MS,
    1,
    MAX_IDLE_MINUTES,
    'EXAMDESK_SESSION_IDLE_MINUTES',
    'minutes',
  )
  const maxHours = readWhole(
    maxText,
    DEFAULT_SESSION_TIMEOUTS.absoluteMs / (60 * MINUTE_MS),
    1,
    MAX_SESSION_HOURS,
    'EXAMDESK_SESSION_MAX_HOURS',
    'hours',
  )
  if (idleMinutes > maxHours * 60)
    throw new Error(
      `EXAMDESK_SESSION_IDLE_MINUTES (${idleMinutes}) must not be longer than EXAMDESK_SESSION_MAX_HOURS (${maxHours} h)`,
    )
  return { idleMs: idleMinutes * MINUTE_MS, absoluteMs: maxHours * 60 * MINUTE_MS }
}

function readWhole(
  text: string | undefined,
  fallback: number,
  min: number,
  max: number,
  variable: string,
  unit: string,
): number {
  if (text === undefined || text === '') return fallback
  const value = Number(text)
  if (!/^\d+$/.test(text) || value < min || value > max)
    throw new Error(`${variable} must be whole ${unit} from ${min} to ${max}, not "${text}"`)
  return value
}

/** The shortest admin token accepted: a guessable admin token is every record of the programme. */
export const MIN_ADMIN_TOKEN_LENGTH = 32

function readAdminToken(text: string | undefined): string | undefined {
  if (text === undefined || text === '') return undefined
  if (text.length < MIN_ADMIN_TOKEN_LENGTH)
    throw new Error(
      `EXAMDESK_ADMIN_TOKEN must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters, not ${text.length}; make one with: openssl rand -base64 32`,
    )
  return text
}

const DEFAULT_IDEMPOTENCY_RETENTION_HOURS = 24

function readRetentionHours(text: string | undefined): number {
  if (text === undefined || text === '') return DEFAULT_IDEMPOTENCY_RETENTION_HOURS
  const hours = Number(text)
  // Under an hour, a client's own retries (after a timeout, a restart) could outlive their key.
  if (!Number.isFinite(hours) || hours < 1)
    throw new Error(
      `IDEMPOTENCY_RETENTION_HOURS must be a number of hours, 1 or more, not "${text}"`,
    )
  return hours
}

/** Whole minutes, at least one: a hold of nothing would release a seat before anyone could pay. */
function readHoldMinutes(text: string | undefined): number {
  if (text === undefined || text === '') return DEFAULT_HOLD_MINUTES
  const minutes = Number(text)
  if (!/^\d+$/.test(text) || minutes < MIN_HOLD_MINUTES || minutes > MAX_HOLD_MINUTES)
    throw new Error(
      `EXAMDESK_HOLD_MINUTES must be whole minutes from ${MIN_HOLD_MINUTES} to ${MAX_HOLD_MINUTES}, not "${text}"`,
    )
  return minutes
}

/** Whole days, 0 to turn reminders off. */
function readReminderDays(text: string | undefined): number {
  if (text === undefined || text === '') return DEFAULT_REMINDER_DAYS
  const days = Number(text)
  if (!/^\d+$/.test(text) || days > MAX_REMINDER_DAYS)
    throw new Error(
      `EXAMDESK_REMINDER_DAYS must be whole days from 0 (no reminders) to ${MAX_REMINDER_DAYS}, not "${text}"`,
    )
  return days
}

/** The bare address of a reply-to such as `"Support" <help@example.org>`, to name as the help contact. */
function readReplyAddress(replyTo: string | undefined): string | undefined {
  if (replyTo === undefined || replyTo === '') return undefined
  return /<([^>]+)>/.exec(replyTo)?.[1] ?? replyTo
}

/** Says where help is even when nobody configured it: the help contact, else the reply-to, else the provider. */
function defaultHelp(helpContact: string | undefined, replyTo: string | undefined): string {
  if (helpContact !== undefined)
    return `This address is not monitored, so replies are not read. For help: ${helpContact}.`
  return replyTo === undefined
    ? `This address is not monitored, so replies are not read. For help, contact ${DEFAULT_HELP_CONTACT}.`
    : `The sending address is not monitored. For help, write to ${replyTo} (a reply to this mail goes there).`
}
