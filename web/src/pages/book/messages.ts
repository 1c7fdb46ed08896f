import type { ExtendOf } from '../../i18n/catalogue'

/** Booking a seat. */
export const en = {
  'book.title': 'Book {exam}',
  'book.seat': 'Your seat',
  'book.seat.of': '{name}’s seat',
  'book.seatsLeft': '{count, plural, one {# seat left} other {# seats left}}',
  'book.deadlines': 'If booked now: reschedule until {reschedule}; cancel until {cancel}.',
  'book.deadlinesPassed':
    'This seat is soon: a booking on it could no longer be {changes}. Book it only if you are sure you can come.',
  'book.deadlinesPassed.of':
    'This seat is soon: a booking on it could no longer be {changes}. Book it only if {name} is sure to come.',
  'book.deadlinesPassed.reschedule': 'rescheduled',
  'book.deadlinesPassed.cancel': 'cancelled',
  'book.deadlinesPassed.both': 'rescheduled or cancelled',
  'book.acknowledgeDeadlines': 'I understand this booking cannot be changed, and want it',
  'book.acknowledgeDeadlines.of': '{name} understands this booking cannot be changed, and wants it',
  'book.eligibility': 'May I take it then?',
  'book.codeSection': 'A code',
  'book.payment': 'Payment',
  'book.payCard': 'Pay now by card',
  'book.payLater':
    'Hold the seat and pay later: it is held for a short time, and the booking says until when',
  'book.nothingToPay': 'Nothing to pay: the code covers the price.',
  'book.price': 'Price: {price}',
  'book.priceDue': 'To pay: {due} (list price {list})',
  'book.currency': 'Currency',
  'book.submit': 'Book this seat',
  'book.notEligible': 'This seat cannot be booked for you:',
  'book.notEligible.of': 'This seat cannot be booked for {name}:',
  'book.betaBooking': 'See the booking you already hold for this beta exam',
  'book.betaBooking.of': 'See the booking {name} already holds for this beta exam',
  'book.noSlot': 'This seat does not exist or is no longer offered.',
  'book.chooseSlot': 'Choose another seat',
  'book.booked':
    'Booked. A confirmation mail with a calendar file is on its way to {email}; everything in it is on this page.',
  'book.booked.of':
    'Booked for {name}. The confirmation mail, with its calendar file, tells them who booked it, how and why.',
  'book.rescheduled': 'Moved to the new time. A mail with the new calendar file is on its way.',
  'book.rescheduleTitle': 'Move {exam} to this time',
  'book.rescheduleSubmit': 'Move my booking here',
  'book.rescheduleSubmit.of': 'Move {name}’s booking here',
} as const

export const de: ExtendOf<typeof en> = {
  'book.title': '{exam} buchen',
  'book.seat': 'Ihr Platz',
  'book.seat.of': 'Der Platz für {name}',
  'book.seatsLeft': '{count, plural, one {# Platz frei} other {# Plätze frei}}',
  'book.deadlines': 'Bei Buchung jetzt: umbuchen bis {reschedule}; stornieren bis {cancel}.',
  'book.deadlinesPassed':
    'Dieser Termin ist bald: Eine Buchung könnte nicht mehr {changes} werden. Buchen Sie ihn nur, wenn Sie sicher kommen können.',
  'book.deadlinesPassed.of':
    'Dieser Termin ist bald: Eine Buchung könnte nicht mehr {changes} werden. Buchen Sie ihn nur, wenn {name} sicher kommen kann.',
  'book.deadlinesPassed.reschedule': 'umgebucht',
  'book.deadlinesPassed.cancel': 'storniert',
  'book.deadlinesPassed.both': 'umgebucht oder storniert',
  'book.acknowledgeDeadlines':
    'Ich verstehe, dass diese Buchung nicht geändert werden kann, und möchte sie trotzdem',
  'book.acknowledgeDeadlines.of':
    '{name} versteht, dass diese Buchung nicht geändert werden kann, und möchte sie trotzdem',
  'book.eligibility': 'Darf ich sie dann ablegen?',
  'book.codeSection': 'Ein Code',
  'book.payment': 'Zahlung',
  'book.payCard': 'Jetzt mit Karte bezahlen',
  'book.payLater':
    'Platz reservieren und später bezahlen: Er wird kurze Zeit reserviert, die Buchung nennt bis wann',
  'book.nothingToPay': 'Nichts zu zahlen: Der Code deckt den Preis.',
  'book.price': 'Preis: {price}',
  'book.priceDue': 'Zu zahlen: {due} (Listenpreis {list})',
  'book.currency': 'Währung',
  'book.submit': 'Diesen Platz buchen',
  'book.notEligible': 'Dieser Platz kann für Sie nicht gebucht werden:',
  'book.notEligible.of': 'Dieser Platz kann für {name} nicht gebucht werden:',
  'book.betaBooking': 'Ihre bestehende Buchung dieser Beta-Prüfung ansehen',
  'book.betaBooking.of': 'Die bestehende Buchung von {name} für diese Beta-Prüfung ansehen',
  'book.noSlot': 'Diesen Platz gibt es nicht oder er wird nicht mehr angeboten.',
  'book.chooseSlot': 'Einen anderen Platz wählen',
  'book.booked':
    'Gebucht. Eine Bestätigung mit Kalenderdatei ist an {email} unterwegs; alles daraus steht auf dieser Seite.',
  'book.booked.of':
    'Für {name} gebucht. Die Bestätigung mit Kalenderdatei nennt {name}, wer gebucht hat, wie und warum.',
  'book.rescheduled':
    'Auf den neuen Termin verlegt. Eine Mail mit der neuen Kalenderdatei ist unterwegs.',
  'book.rescheduleTitle': '{exam} auf diesen Termin verlegen',
  'book.rescheduleSubmit': 'Meine Buchung hierher verlegen',
  'book.rescheduleSubmit.of': 'Die Buchung von {name} hierher verlegen',
}
