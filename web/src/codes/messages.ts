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
  'code.acknowledgeForfeit.of':
    '{name} understands what this code gives up, and wants to use it anyway',
  'code.apply': 'Use this code',
  'code.applied': 'The code is on your booking.',
  'code.remove': 'Take the code off',
  'code.ability.firstAttempts':
    '{count, plural, one {books a first attempt at # exam it covers, with a free retake if that fails} other {books first attempts at # exams it covers, each with a free retake if it fails}}',
  'code.ability.freeRetake': 'keeps a free retake of {exams}',
  'code.ability.freeExam': 'pays for the whole exam',
  'code.ability.percentOff': '{percent} % off the list price',
  'code.ability.discount': '{percent} % off an exam booked before {day} after a pass',
  'code.ability.usesLeft': '{count, plural, one {# use left} other {# uses left}}',
  'code.ability.nothingMore': 'does nothing more',
  'code.ability.expires': 'expires {day}',
  'code.ability.state.used-up': 'used up',
  'code.ability.state.expired': 'expired',
  'code.ability.state.voided': 'withdrawn',
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
  'code.acknowledgeForfeit.of':
    '{name} versteht, was dieser Code aufgibt, und möchte ihn trotzdem verwenden',
  'code.apply': 'Diesen Code verwenden',
  'code.applied': 'Der Code ist auf Ihrer Buchung.',
  'code.remove': 'Code wieder entfernen',
  'code.ability.firstAttempts':
    '{count, plural, one {bucht einen ersten Versuch bei # Prüfung, für die er gilt, mit kostenloser Wiederholung bei Nichtbestehen} other {bucht erste Versuche bei # Prüfungen, für die er gilt, jeweils mit kostenloser Wiederholung bei Nichtbestehen}}',
  'code.ability.freeRetake': 'enthält eine kostenlose Wiederholung von {exams}',
  'code.ability.freeExam': 'bezahlt die ganze Prüfung',
  'code.ability.percentOff': '{percent} % Rabatt auf den Listenpreis',
  'code.ability.discount':
    '{percent} % Rabatt auf eine Prüfung, die nach dem Bestehen vor dem {day} gebucht wird',
  'code.ability.usesLeft': '{count, plural, one {# Verwendung übrig} other {# Verwendungen übrig}}',
  'code.ability.nothingMore': 'bewirkt nichts mehr',
  'code.ability.expires': 'läuft ab am {day}',
  'code.ability.state.used-up': 'aufgebraucht',
  'code.ability.state.expired': 'abgelaufen',
  'code.ability.state.voided': 'zurückgezogen',
}
