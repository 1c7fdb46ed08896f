import type { Actor } from '../../app/actor.js'
import type { AppDeps } from '../../app/app-deps.js'
import { applyCodes } from '../../app/vouchers/apply-codes.js'
import { codeCallerOf } from '../../app/vouchers/code-throttle.js'
import { previewRegistrationCode } from '../../app/vouchers/preview-registration-code.js'
import type { VoucherPreview } from '../../app/vouchers/preview-voucher.js'
import { formatMoney } from '../../domain/money.js'
import type { PriceBreakdown } from '../../domain/price.js'
import type { CliContext } from '../cli-context.js'
import { describeRegistration } from '../describe-registration.js'
import { keyOf, type PhoneOptions, withSupport } from '../phone-support.js'

export interface ApplyCodeOptions extends Pick<PhoneOptions, 'agentEmail' | 'reason'> {
  readonly registration: string
  /** The code, then any others given with it. */
  readonly code: readonly string[]
  /** Say what the codes would do; change nothing. */
  readonly preview?: boolean
  readonly acknowledgeForfeit?: boolean
  readonly key?: string
}

/**
 * `examdesk registrations apply-code`: a support agent on the phone applies
 * a caller's voucher or discount code to a registration that waits for
 * payment (recorded as support, by phone, by the agent, with the reason
 * given), or with `--preview` reads out first what it would do and cost,
 * which changes nothing and needs neither agent nor reason: it acts for no
 * one, and the console's account asks it.
 */
export async function applyCodeCommand(cli: CliContext, options: ApplyCodeOptions): Promise<void> {
  await withSupport(cli, options, (_store, actor, deps) =>
    runApplyCode(deps, actor, options, (text) => cli.stdout.write(text)),
  )
}

/** The command's work on an open store, as `actor`, writing what the agent reads out to `write`. */
export async function runApplyCode(
  deps: AppDeps,
  actor: Actor,
  options: ApplyCodeOptions,
  write: (text: string) => void,
): Promise<void> {
  const [code, ...withCodes] = options.code
  if (code === undefined) throw new Error('Give the code with --code.')
  if (options.preview) {
    const preview = await previewRegistrationCode(
      deps,
      { registrationId: options.registration, code, withCodes },
      codeCallerOf(actor),
      actor.principal,
    )
    write(describePreview(preview))
    return
  }
  const { result, replayed } = await applyCodes(
    deps,
    {
      registrationId: options.registration,
      voucherCodes: options.code,
      ...(options.acknowledgeForfeit ? { acknowledgeForfeit: true } : {}),
    },
    actor,
    keyOf(actor, options),
  )
  const confirmed =
    result.paymentStatus === 'paid'
      ? 'nothing left to pay: the registration is confirmed and the candidate is mailed'
      : 'the rest is paid as before; the candidate is mailed once it is paid'
  write(
    `${replayed ? 'Already done (same key): ' : 'Code applied: '}${describeRegistration(result)}\n` +
      (result.price === null ? '' : `${describePrice(result.price)}\n`) +
      `  then:     ${confirmed}\n`,
  )
}

function describePreview(preview: VoucherPreview): string {
  const lines = [
    preview.accepted
      ? `${preview.code} would be accepted (${preview.offer.name})`
      : `${preview.code} would be refused: ${preview.refusal?.reason ?? ''} (${preview.refusal?.code ?? ''})`,
  ]
  if (preview.does) lines.push(`  does:     ${preview.does}`)
  for (const kept of preview.keeps) lines.push(`  keeps:    ${kept}`)
  for (const lost of preview.loses) lines.push(`  loses:    ${lost} (needs --acknowledge-forfeit)`)
  if (preview.price) lines.push(describePrice(preview.price))
  lines.push('Nothing was changed.')
  return `${lines.join('\n')}\n`
}

function describePrice(price: PriceBreakdown): string {
  const money = (cents: number) => formatMoney({ currency: price.currency, cents })
  return [
    `  price:    ${money(price.listCents)}`,
    ...price.lines.map((line) => `            ${line.code} ${line.label} ${money(line.cents)}`),
    `  due:      ${money(price.dueCents)}`,
  ].join('\n')
}
