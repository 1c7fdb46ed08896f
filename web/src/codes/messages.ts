import type { ExtendOf } from '../i18n/catalogue'

/** Entering a code and seeing what it would do. */
export const en = {
  'code.field': 'Voucher or promotion code',
  'code.fieldHelp': 'Optional. We show what it does before anything is booked.',
  'code.check': 'See what this code does',
  'code.does': 'It does',
  'code.keeps': 'It keeps',
  'code.loses': 'It gives up',
  'code.price': 'Price',
  'code.priceAfter': '{due} instead of {list}',
  'code.acknowledgeForfeit': 'I understand what this code gives up, and want to use it anyway',
  'code.apply': 'Use this code',
  'code.applied': 'The code is on your booking.',
  'code.remove': 'Take the code off',
} as const

export const de: ExtendOf<typeof en> = {
  'code.field': 'Gutschein- oder Aktionscode',
  'code.fieldHelp': 'Freiwillig. Wir zeigen, was er bewirkt, bevor etwas gebucht wird.',
  'code.check': 'Zeigen, was dieser Code bewirkt',
  'code.does': 'Er bewirkt',
  'code.keeps': 'Er behält',
  'code.loses': 'Er gibt auf',
  'code.price': 'Preis',
  'code.priceAfter': '{due} statt {list}',
  'code.acknowledgeForfeit':
    'Ich verstehe, was dieser Code aufgibt, und möchte ihn trotzdem verwenden',
  'code.apply': 'Diesen Code verwenden',
  'code.applied': 'Der Code ist auf Ihrer Buchung.',
  'code.remove': 'Code wieder entfernen',
}
