import type { RegistrationView } from '../app/registrations/registration-view.js'
import { formatInZone } from '../domain/instant.js'
import { formatMoney } from '../domain/money.js'
import type { PriceBreakdown } from '../domain/price.js'

/** A registration as lines for a person: what, when and where on the centre's clock, deadlines, price, payment. */
export function describeRegistration(view: RegistrationView): string {
  const zone = view.centre.timeZone
  return [
    `${view.id}  ${view.status}  ${view.exam.number} ${view.exam.title}`,
    `  when:     ${formatInZone(view.startsAt, zone)}`,
    `  where:    ${view.centre.name}, ${view.centre.address}, ${view.centre.city} (${view.provider.name})`,
    `  change:   reschedule until ${formatInZone(view.changeDeadlines.reschedule, zone)}, cancel until ${formatInZone(view.changeDeadlines.cancel, zone)}`,
    ...(view.price === null ? [] : describePrice(view.price)),
    // A stored answer from before holds expired has neither field.
    ...(view.holdEnded != null
      ? [
          `  payment:  not paid; the seat was ${view.holdEnded === 'expired' ? 'released when its hold ran out' : 'released by an administrator'}`,
        ]
      : view.holdExpiresAt != null
        ? [`  payment:  due; the seat is held until ${formatInZone(view.holdExpiresAt, zone)}`]
        : view.paymentStatus === 'paid'
          ? ['  payment:  paid']
          : []),
  ].join('\n')
}

/**
 * The price a line at a time, to be read out:
 *   USD 165.00 list
 *   -USD 24.75 K7QM2X-9HDR4T-WPB3NZ  Study book 15 % discount: …
 *   USD 140.25 due
 */
function describePrice(price: PriceBreakdown): string[] {
  const money = (cents: number) => formatMoney({ currency: price.currency, cents })
  return [
    `  price:    ${money(price.listCents)} list`,
    ...price.lines.map((line) => `            ${money(line.cents)} ${line.code}  ${line.label}`),
    `            ${money(price.dueCents)} due`,
  ]
}
