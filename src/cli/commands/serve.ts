import { ensureAdminToken } from '../../app/access/api-tokens.js'
import { openIdClient } from '../../app/accounts/oidc-client.js'
import { loadDemo } from '../../app/operations/load-demo.js'
import { type Config, localPublicUrl } from '../../config.js'
import { redactUrl } from '../../db/engine/database.js'
import { exclusively } from '../../db/engine/exclusively.js'
import { DEMO_SIGN_IN } from '../../demo/demo-accounts.js'
import { buildExamdeskApp } from '../../http/examdesk-app.js'
import { openServerLog } from '../../http/server-log.js'
import { sessionCookieFor } from '../../http/session-cookie.js'
import { BUILT_WEB_APP, hasWebApp } from '../../http/web-app.js'
import { startBetaResultsJob } from '../../jobs/beta-results-job.js'
import { startHoldExpiryJob } from '../../jobs/hold-expiry-job.js'
import { startIdempotencyPurgeJob } from '../../jobs/idempotency-purge-job.js'
import { startOutboxWorker } from '../../jobs/outbox-worker.js'
import { startPasskeyChallengePurgeJob } from '../../jobs/passkey-challenge-purge-job.js'
import { startReminderJob } from '../../jobs/reminder-job.js'
import { startReportCountJob } from '../../jobs/report-count-job.js'
import { startSignInPurgeJob } from '../../jobs/sign-in-purge-job.js'
import { createFileTransport } from '../../mail/file-transport.js'
import { type MailSettings, readMailSettings } from '../../mail/mail-settings.js'
import type { MailTransport } from '../../mail/mail-transport.js'
import { createSmtpTransport } from '../../mail/smtp-transport.js'
import { openStore } from '../open-store.js'
import { composeStartBanner } from '../start-banner.js'

/** Starts the API: migrate, install the programme (and demo), make the first admin token, listen. */
export async function serve(config: Config): Promise<void> {
  // Known once the server listens, when it was told to take any free port (PORT=0).
  let listeningAt = localPublicUrl(config.host, config.port)
  const publicUrl = () => config.publicUrl ?? listeningAt
  // Read before anything starts: a bad MAIL_FROM stops the start, not every mail later.
  const mailSettings = readMailSettings(config, publicUrl)
  const log = openServerLog(config.logLevel)
  const store = await openStore(config, {
    onConnectionLost: (error) =>
      log.logger.warn({ err: error }, 'database connection lost; the pool replaces it'),
    checkpointInBackground: {
      onError: (message) =>
        log.logger.warn({ reason: message }, 'SQLite checkpoint failed; the next one tries again'),
    },
  })
  // Processes started together install the programme once: the others wait, then find it there.
  const { loaded, admin } = await exclusively(store.db, 'install', async () => ({
    loaded: await loadDemo(store, config.demo),
    admin: await ensureAdminToken(store, config.adminToken),
  }))
  const app = await buildExamdeskApp(
    {
      ...store,
      mail: mailSettings,
      holdMinutes: config.holdMinutes,
      publicUrl,
      sessionTimeouts: config.sessionTimeouts,
      recentSignInMs: config.recentSignInMs,
      exceptionDue: config.exceptionDue,
      sessionCookie: sessionCookieFor(config.host, config.publicUrl ?? listeningAt),
      oidc: config.oidc === null ? null : openIdClient(config.oidc),
    },
    {
      loggerInstance: log.logger,
      trustProxy: config.trustProxy,
      // `npm start` builds it; a server run from the sources without a build answers the API alone.
      ...(hasWebApp(BUILT_WEB_APP) ? { webApp: BUILT_WEB_APP } : {}),
    },
  )
  await app.listen({ port: config.port, host: config.host })
  const transport = openMailTransport(config, mailSettings)
  const worker = startOutboxWorker({ db: store.db, clock: store.clock, transport, log: app.log })
  const betaResults = startBetaResultsJob({ ...store, mail: mailSettings }, app.log)
  const purge = startIdempotencyPurgeJob(store, config.idempotencyRetentionHours, app.log)
  const challengePurge = startPasskeyChallengePurgeJob(store, app.log)
  const signInPurge = startSignInPurgeJob(
    { ...store, sessionTimeouts: config.sessionTimeouts },
    app.log,
  )
  const holdExpiry = startHoldExpiryJob({ ...store, mail: mailSettings }, app.log)
  const reportCounts = startReportCountJob(store, config.exceptionDue.timeZone, app.log)
  // Counted at the start too, so that a server just started reads closed days from their counts.
  reportCounts.tick().catch((error: unknown) => {
    app.log.error({ err: error }, 'counting report days failed; tried again at the next tick')
  })
  // EXAMDESK_REMINDER_DAYS=0 turns reminders off.
  const reminders =
    config.reminderDays > 0
      ? startReminderJob({ ...store, mail: mailSettings }, config.reminderDays, app.log)
      : null

  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const base = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`
  listeningAt = localPublicUrl(config.host, port)
  const lines = composeStartBanner({
    base,
    database: redactUrl(config.databaseUrl),
    mail:
      config.smtpUrl === undefined
        ? `kept in ${config.mailDir} and at ${base}/v1/admin/mail (set SMTP_URL to send it)`
        : `sent through ${redactUrl(config.smtpUrl)}`,
    loaded,
    webApp: hasWebApp(BUILT_WEB_APP),
    publicUrl: publicUrl(),
    admin,
    presetToken: config.adminToken !== undefined,
    demo: config.demo,
    signIn: config.demo ? DEMO_SIGN_IN : null,
  })
  process.stdout.write(`${lines.join('\n')}\n`)

  const stop = async (signal: string) => {
    app.log.info({ signal }, 'shutting down')
    // Mail being sent finishes first; mail not yet sent waits in the outbox for the next start.
    await betaResults.stop()
    await purge.stop()
    await challengePurge.stop()
    await signInPurge.stop()
    await holdExpiry.stop()
    await reportCounts.stop()
    await reminders?.stop()
    await worker.stop()
    await transport.close()
    await app.close()
    await store.close()
    await log.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop('SIGINT'))
  process.once('SIGTERM', () => void stop('SIGTERM'))
}

/** SMTP when `SMTP_URL` is set; otherwise `.eml` files in `MAIL_DIR`, the mail staying listed in the database. */
function openMailTransport(config: Config, settings: MailSettings): MailTransport {
  return config.smtpUrl === undefined
    ? createFileTransport({ dir: config.mailDir, settings })
    : createSmtpTransport({ url: config.smtpUrl, settings })
}
