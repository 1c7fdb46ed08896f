import type { DemoLoad } from '../app/operations/load-demo.js'

/** What `serve` knows once it listens, for the lines it prints. */
export interface StartFacts {
  /** The address it listens on, as a URL without a path. */
  readonly base: string
  /** The database URL, its password hidden. */
  readonly database: string
  /** Where mail goes, in a few words. */
  readonly mail: string
  readonly loaded: DemoLoad
  /** The admin token made on this start, if one was; null when tokens existed already. */
  readonly admin: { readonly token: string; readonly generated: boolean } | null
  /** An admin token given in EXAMDESK_ADMIN_TOKEN. */
  readonly presetToken: boolean
  /** Whether the demo catalogue is loaded into an empty database (EXAMDESK_DEMO). */
  readonly demo: boolean
  /** Whether the web app is served at `/` (it is once built). */
  readonly webApp?: boolean
  /** The address people open it at (`EXAMDESK_PUBLIC_URL`, else localhost for a loopback listener); the listening one when absent. */
  readonly publicUrl?: string
  /** The demo people's emails, to sign in as each; absent without the demo. */
  readonly signIn?: {
    readonly candidate: string
    readonly support: string
    readonly admin: string
  } | null
}

/**
 * The lines `serve` prints: where it listens, and lines to copy into a
 * shell, after which the README's examples run as written: the server's
 * address as `EXAMDESK`, a token as `TOKEN` (the one made now, else a
 * command that makes one), and a request to try.
 *
 * @example
 * composeStartBanner(facts).join('\n')
 * // examdesk is listening on http://127.0.0.1:3000 (database sqlite:./data/examdesk.db)
 * // …
 * //   export EXAMDESK=http://127.0.0.1:3000
 * //   export TOKEN=exd_…
 */
export function composeStartBanner(facts: StartFacts): string[] {
  const { base, loaded, admin } = facts
  const local = computeLocalBase(base)
  // A browser opens the public address: passkeys work there, and the session cookie is its own.
  const web = facts.publicUrl ?? local
  const lines = [
    `examdesk is listening on ${base} (database ${facts.database})`,
    ...(facts.webApp ? [`  web app:      ${web}/ (open it in a browser)`] : []),
    `  API docs:     ${base}/docs`,
    `  OpenAPI:      ${base}/openapi.json`,
    `  mail:         ${facts.mail}`,
  ]
  if (loaded.exams > 0)
    lines.push(
      `  demo loaded:  ${loaded.exams} exams, ${loaded.candidates} candidates, ${loaded.attempts} attempts, ${loaded.centres} centres, ${loaded.slots} slots`,
    )
  if (facts.signIn) {
    const { candidate, support, admin } = facts.signIn
    lines.push(
      `  sign in:      as the demo candidate (${candidate}), support agent (${support})`,
      `                or admin (${admin}): ask for a mail, then type its code (${facts.mail.startsWith('kept') ? 'in the newest .eml file kept as above; the admin mail view hides it' : 'from the mailbox'})`,
      `                ${facts.webApp ? `in the web app (${web}/sign-in), or here:` : 'here:'}`,
      `                  curl -X POST -H 'Content-Type: application/json' -d '{"email": "${candidate}"}' ${local}/v1/sign-in/email`,
      `                  curl -c cookies.txt -X POST -H 'Content-Type: application/json' -d '{"email": "${candidate}", "code": "XXXX-XXXX"}' ${local}/v1/sign-in/code`,
    )
  }
  let exportToken: string
  if (admin?.generated) {
    lines.push(`  admin token:  ${admin.token} (shown once; store it now)`)
    exportToken = `export TOKEN=${admin.token}`
  } else if (facts.presetToken) {
    lines.push('  admin token:  the one given in EXAMDESK_ADMIN_TOKEN')
    exportToken = 'export TOKEN="$EXAMDESK_ADMIN_TOKEN"'
  } else {
    // The first start's token is not stored in clear, so it cannot be shown again: make another.
    lines.push(
      '  admin token:  shown on the first start only; the second line below makes a new one',
      '                (run it in this folder, with the DATABASE_URL this server was given, if any)',
    )
    exportToken = 'export TOKEN=$(npx examdesk token create --role admin)'
  }
  const example = facts.demo
    ? '"$EXAMDESK/v1/candidates/cand-ana/eligibility?exam=70-620"'
    : '"$EXAMDESK/v1/exams?limit=3"'
  lines.push(
    '',
    'Copy these lines into a shell, then try a request (more in the README and at /docs):',
    '',
    `  export EXAMDESK=${local}`,
    `  ${exportToken}`,
    `  curl -H "Authorization: Bearer $TOKEN" ${example}`,
  )
  return lines
}

/** A server listening on every interface is reached on this machine at its loopback address. */
function computeLocalBase(base: string): string {
  const url = new URL(base)
  if (url.hostname === '0.0.0.0') url.hostname = '127.0.0.1'
  if (url.hostname === '[::]') url.hostname = '[::1]'
  return url.origin
}
