import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { simpleParser } from 'mailparser'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { operatorPrincipal } from '../../src/app/actor.js'
import { getRegistration } from '../../src/app/registrations/get-registration.js'
import { maskCode } from '../../src/domain/code-mask.js'
import type { Principal } from '../../src/domain/principal.js'
import { buildExamdeskApp } from '../../src/http/examdesk-app.js'
import { toRegistrationOut } from '../../src/http/schemas/registration.js'
import { openServerLog } from '../../src/http/server-log.js'
import { startOutboxWorker } from '../../src/jobs/outbox-worker.js'
import { createFileTransport } from '../../src/mail/file-transport.js'
import { createSlot } from '../factories/appointments.js'
import { TEST_MAIL_SETTINGS } from '../factories/mail.js'
import { testDatabases } from '../support/databases.js'
import {
  type ApiWorld,
  book,
  call,
  expectOk,
  expectProblem,
  instant,
  registerCandidate,
  reportResult,
  useApi,
} from './api-harness.js'
import { enrol, preview, world } from './voucher-world.js'

interface Registration {
  id: string
  price: { lines: { code: string }[] } | null
}

/** Every way the code could be written out: printed, canonical, lower case. */
function spellings(code: string): string[] {
  const canonical = code.replaceAll('-', '')
  return [code, canonical, code.toLowerCase(), canonical.toLowerCase()]
}

function expectNoCode(text: string, code: string): void {
  for (const spelling of spellings(code)) expect(text).not.toContain(spelling)
}

const silent = { info() {}, warn() {}, error() {} }

describe.each(testDatabases())('where a voucher code is shown, on $name', ({ open }) => {
  const get = useApi(open, { demo: false })
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'examdesk-codes-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  /** Léa enrolled in Second Shot by support, and a seat at Prometric; the code as support was given it. */
  async function enrolled() {
    const { w, centre } = await world(get)
    const lea = await registerCandidate(w)
    const code = await enrol(w, lea)
    const slot = await createSlot(w.db, centre, instant('2026-10-01T09:00:00Z'))
    return { w, centre, lea, code, slot }
  }

  async function bookWithCode(w: ApiWorld, lea: string, slot: string, code: string) {
    return expectOk<Registration>(
      await book(w, { candidateId: lea, slotId: slot, voucherCode: code }, 'with-code'),
      201,
    )
  }

  it('gives the code whole to support, who issue it for the candidate', async () => {
    const { code } = await enrolled()
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}-[2-9A-HJKMNP-Z]{6}-[2-9A-HJKMNP-Z]{6}$/)
  })

  it('masks every code in the admin outbox, in the list and in the mail, for admin and support', async () => {
    const { w, lea, code, slot } = await enrolled()
    await bookWithCode(w, lea, slot, code)
    for (const role of ['admin', 'support'] as const) {
      const list = await call(w, 'GET', `/v1/admin/mail?candidateId=${lea}`, undefined, role)
      const page = expectOk<{ items: { id: string; kind: string }[] }>(list)
      expectNoCode(list.body, code)
      const voucherMail = page.items.find((mail) => mail.kind === 'voucher-issued')
      expect(voucherMail).toBeDefined()
      for (const mail of page.items) {
        const one = await call(w, 'GET', `/v1/admin/mail/${mail.id}`, undefined, role)
        expectOk(one)
        expectNoCode(one.body, code)
      }
      const shown = expectOk<{ bodyText: string; bodyHtml: string }>(
        await call(w, 'GET', `/v1/admin/mail/${voucherMail!.id}`, undefined, role),
      )
      // Staff still see which code went out, by its last four characters.
      expect(shown.bodyText).toContain(maskCode(code))
      expect(shown.bodyHtml).toContain(maskCode(code))
    }
  })

  it('keeps the code out of every stored dedupe key and out of the Message-ID of the mail sent', async () => {
    const { w, lea, code, slot } = await enrolled()
    await bookWithCode(w, lea, slot, code)
    const keys = await w.db.selectFrom('outbox').select('dedupe_key').execute()
    expect(keys.length).toBeGreaterThan(0)
    expectNoCode(JSON.stringify(keys), code)

    const worker = startOutboxWorker({
      db: w.db,
      clock: w.clock,
      transport: createFileTransport({ dir, settings: TEST_MAIL_SETTINGS }),
      log: silent,
      pollMs: 3_600_000,
    })
    try {
      expect(await worker.drain()).toBe(keys.length)
    } finally {
      await worker.stop()
    }
    const files = await readdir(dir)
    expect(files).toHaveLength(keys.length)
    let holderGotIt = false
    for (const file of files) {
      const raw = await readFile(join(dir, file), 'utf8')
      const [headers] = raw.split('\r\n\r\n', 1)
      expectNoCode(headers!, code)
      const mail = await simpleParser(raw)
      expect(mail.messageId).toMatch(/^<.+@examdesk>$/)
      expectNoCode(mail.messageId!, code)
      // The mail to the holder still hands the code over, in its body.
      if (mail.text?.includes(code)) holderGotIt = true
    }
    expect(holderGotIt).toBe(true)
  })

  it('writes no code in the log, from a URL that carries one or from an error that names one', async () => {
    const { w, lea, code, slot } = await enrolled()
    const registration = expectOk<Registration>(
      await book(w, { candidateId: lea, slotId: slot }, 'without-code', 'support'),
      201,
    )
    const file = join(dir, 'server.log')
    const log = openServerLog('info', file)
    const logged = await buildExamdeskApp(
      { db: w.db, clock: w.clock },
      { loggerInstance: log.logger },
    )
    const mistyped = `${code.slice(0, -1)}${code.endsWith('2') ? '3' : '2'}`
    try {
      const as = { ...w, app: logged }
      expectOk(await preview(as, code, lea, slot))
      expectOk(await preview(as, code.toLowerCase().replaceAll('-', ''), lea, slot))
      await preview(as, mistyped, lea, slot)
      expectOk(
        await call(
          as,
          'GET',
          `/v1/registrations/${registration.id}/codes/${encodeURIComponent(code)}/preview`,
          undefined,
          'support',
        ),
      )
      await call(as, 'GET', `/v1/vouchers/${code}/nowhere`)
      logged.log.error(
        { err: new Error(`Voucher ${code.replaceAll('-', '')} names a missing offer version`) },
        'unexpected error',
      )
      logged.log.error(
        {
          err: Object.assign(new Error('duplicate key'), {
            detail: `Key (code)=(${code}) already exists.`,
          }),
        },
        'unexpected error',
      )
    } finally {
      await logged.close()
      await log.close()
    }
    const text = await readFile(file, 'utf8')
    const lines = text.split('\n').filter((line) => line !== '')
    expect(lines.filter((line) => JSON.parse(line).msg === 'request')).toHaveLength(5)
    expect(lines.filter((line) => JSON.parse(line).msg === 'unexpected error')).toHaveLength(2)
    expectNoCode(text, code)
    expectNoCode(text, mistyped)
  })

  it("masks the code in a provider's view of a registration, and shows it whole to support and the holder", async () => {
    const { w, lea, code, slot } = await enrolled()
    // The candidate gave the code to the provider's booking site.
    const booked = await book(w, { candidateId: lea, slotId: slot, voucherCode: code }, 'with-code')
    const registration = expectOk<Registration>(booked, 201)
    expectNoCode(booked.body, code)
    expect(registration.price?.lines[0]?.code).toBe(maskCode(code))

    for (const url of [
      `/v1/registrations/${registration.id}`,
      `/v1/candidates/${lea}/registrations`,
    ]) {
      const seen = await call(w, 'GET', url, undefined, 'provider')
      expectOk(seen)
      expectNoCode(seen.body, code)
      expect(seen.body).toContain(maskCode(code))
    }

    const bySupport = expectOk<{ registration: Registration; history: unknown[] }>(
      await call(w, 'GET', `/v1/registrations/${registration.id}`, undefined, 'support'),
    )
    expect(bySupport.registration.price?.lines[0]?.code).toBe(code)
    expect(JSON.stringify(bySupport.history)).toContain(code)

    // Candidates sign in as people, not with tokens: their view is the same mapping, read for them.
    const { registration: view } = await getRegistration(
      w,
      registration.id,
      operatorPrincipal('test'),
    )
    const candidate = (candidateId: string): Principal => ({
      id: `account-${candidateId}`,
      role: 'candidate',
      tokenId: null,
      tokenLabel: null,
      accountId: `account-${candidateId}`,
      sessionId: 'session-1',
      signedInAt: null,
      displayName: null,
      providerId: null,
      candidateId,
    })
    expect(toRegistrationOut(view, candidate(lea)).price?.lines[0]?.code).toBe(code)
    expect(toRegistrationOut(view, candidate('someone-else')).price?.lines[0]?.code).toBe(
      maskCode(code),
    )
  })

  it("masks a code a provider never typed, in a refusal's sentence, and tells support it whole", async () => {
    const { w, centre, lea, code, slot } = await enrolled()
    const first = expectOk<Registration>(
      await book(
        w,
        { candidateId: lea, slotId: slot, voucherCode: code, payment: { method: 'card' } },
        'first',
        'support',
      ),
      201,
    )
    w.clock.set(instant('2026-10-01T12:00:00Z'))
    expectOk(await reportResult(w, first.id, 'fail'))
    const retakeSlot = await createSlot(w.db, centre, instant('2026-10-20T09:00:00Z'))

    // The provider books the retake without the code: the refusal names the code the candidate holds.
    const byProvider = await book(w, { candidateId: lea, slotId: retakeSlot }, 'retake')
    const refused = expectProblem(byProvider, 409, 'CODE_WOULD_FORFEIT')
    expectNoCode(byProvider.body, code)
    expect(refused.detail).toContain(`Your code ${maskCode(code)} holds a free retake of 070-620`)

    const bySupport = expectProblem(
      await book(w, { candidateId: lea, slotId: retakeSlot }, 'retake', 'support'),
      409,
      'CODE_WOULD_FORFEIT',
    )
    expect(bySupport.detail).toContain(`Your code ${code} holds a free retake of 070-620`)
  })
})
