import { describe, expect, it } from 'vitest'
import { createStaffAccount } from '../../src/app/accounts/staff-accounts.js'
import { systemActor } from '../../src/app/actor.js'
import { newVoucher } from '../../src/app/vouchers/new-voucher.js'
import { runApplyCode } from '../../src/cli/commands/apply-code.js'
import { consoleQuestioner, phoneActor } from '../../src/cli/phone-support.js'
import { readConfig } from '../../src/config.js'
import { insertVoucher } from '../../src/db/vouchers/vouchers.js'
import { STUDY_BOOK_DISCOUNT } from '../../src/demo/demo-offers.js'
import { formatVoucherCode } from '../../src/domain/voucher-code.js'
import { readMailSettings } from '../../src/mail/mail-settings.js'
import { book, expectOk, instant, registerCandidate, useApi } from '../api/api-harness.js'
import { world } from '../api/voucher-world.js'
import { createSlot } from '../factories/appointments.js'
import { testDatabases } from '../support/databases.js'

/**
 * `examdesk registrations apply-code` run in-process on the API tests' world,
 * so that it runs on both engines without spawning a process per command.
 */
describe.each(testDatabases())('registrations apply-code on $name', ({ open }) => {
  const get = useApi(open, { demo: false })

  it('reads out what a code would do, then applies it, as support on the phone', async () => {
    const { w, centre } = await world(get)
    const lea = await registerCandidate(w)
    const slot = await createSlot(w.db, centre, instant('2026-10-01T09:00:00Z'))
    const { id } = expectOk<{ id: string }>(
      await book(w, { candidateId: lea, slotId: slot }, 'b'),
      201,
    )
    const voucher = newVoucher(
      STUDY_BOOK_DISCOUNT,
      { candidateId: null, issuedBy: 'test' },
      w.clock.now(),
    )
    await insertVoucher(w.db, voucher)
    const code = formatVoucherCode(voucher.code)
    const deps = { db: w.db, clock: w.clock, mail: readMailSettings(readConfig({})) }
    const agent = await createStaffAccount(deps, systemActor('test-admin', 'admin'), {
      role: 'support',
      displayName: 'Maria Lopez',
      email: 'maria.lopez@examdesk.example',
    })
    let printed = ''
    const run = async (options: { preview?: boolean; key?: string; reason?: string }) => {
      printed = ''
      const asked = { agentEmail: agent.email, ...options }
      await runApplyCode(
        deps,
        options.preview ? consoleQuestioner() : await phoneActor(deps, asked),
        { registration: id.toLowerCase(), code: [code], ...asked },
        (text) => {
          printed += text
        },
      )
      return printed
    }

    const preview = await run({ preview: true })
    expect(preview).toContain(`${code} would be accepted (Study book 15 % discount)`)
    expect(preview).toContain('due:      USD 140.25')
    expect(preview).toContain('Nothing was changed.')

    const applied = await run({ key: 'call-7', reason: 'Caller read out a study-book code' })
    expect(applied).toMatch(new RegExp(`^Code applied: ${id} {2}booked {2}070-620`))
    expect(applied).toContain('due:      USD 140.25')
    expect(applied).toContain('the candidate is mailed once it is paid')
    expect(await run({ key: 'call-7', reason: 'Caller read out a study-book code' })).toContain(
      `Already done (same key): ${id}`,
    )

    const history = await w.db
      .selectFrom('audit_log')
      .select(['action', 'actor_role', 'channel', 'actor_name', 'reason'])
      .where('subject_id', '=', id)
      .where('action', '=', 'codes-applied')
      .execute()
    expect(history).toEqual([
      {
        action: 'codes-applied',
        actor_role: 'support',
        channel: 'phone',
        actor_name: 'Maria Lopez',
        reason: 'Caller read out a study-book code',
      },
    ])
  })
})
