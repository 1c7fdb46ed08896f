import type { ExtendOf } from '../../i18n/catalogue'

/** A booking's page. */
export const en = {
  'registration.title': 'Your booking',
  'registration.title.of': '{name}’s booking',
  'registration.status.booked': 'Booked',
  'registration.status.checked-in': 'Checked in',
  'registration.status.completed': 'Taken',
  'registration.status.no-show': 'Not attended',
  'registration.status.cancelled': 'Cancelled',
  'registration.payment.not-required': 'Nothing to pay',
  'registration.payment.due': 'Payment due',
  'registration.payment.paid': 'Paid',
  'registration.payment.refunded': 'Refunded',
  'registration.payment.fee-kept': 'Refunded less a fee',
  'registration.status': 'Status',
  'registration.provider': 'Delivered by',
  'registration.price': 'Price',
  'registration.listPrice': 'List price',
  'registration.due': 'To pay',
  'registration.total': 'Total',
  'registration.holdEnds':
    'Pay by {until}: until then the seat is held for you; after it the seat is released.',
  'registration.holdEnds.of':
    'To be paid by {until}: until then the seat is held for {name}; after it the seat is released.',
  'registration.calendar': 'Add to calendar (.ics)',
  'registration.calendarRemove': 'Remove from calendar (.ics)',
  'registration.calendarRemoveHelp':
    'If you added this booking to a calendar, open this file there: it removes the event.',
  'registration.calendarRemoveHelp.of':
    'If {name} added this booking to a calendar, this file opened there removes the event.',
  'registration.change': 'Change or cancel',
  'registration.rescheduleUntil': 'You can move this booking to another time until {deadline}.',
  'registration.rescheduleUntil.of': 'This booking can be moved to another time until {deadline}.',
  'registration.cancelUntil': 'You can cancel it until {deadline}.',
  'registration.cancelUntil.of': 'It can be cancelled until {deadline}.',
  'registration.deadlinesPassed':
    'The deadlines to change this booking have passed: {provider} no longer lets it be moved or cancelled.',
  'registration.rule':
    '{provider}: changes up to {hours, plural, one {# hour} other {# hours}} before the appointment.',
  'registration.ruleApart':
    '{provider}: a move to another time up to {reschedule, plural, one {# hour} other {# hours}} before the appointment; a cancellation up to {cancel, plural, one {# hour} other {# hours}} before.',
  'registration.reschedulePassed':
    'The deadline to move this booking to another time passed on {deadline}.',
  'registration.cancelPassed': 'The deadline to cancel it passed on {deadline}.',
  'registration.reschedule': 'Choose another time',
  'registration.cancel': 'Cancel this booking',
  'registration.cancelConfirmTitle': 'Cancel this booking?',
  'registration.cancelConfirm':
    'The seat is given up. Codes used on it can be used again where their terms allow.',
  'registration.cancelKeep': 'Keep the booking',
  'registration.cancelDo': 'Yes, cancel it',
  'registration.cancelled': 'This booking is cancelled.',
  'registration.refund':
    'Refund: {refund} of {paid}{fee, select, none {} other {; a fee of {fee} is kept}}.',
  'registration.pay': 'Pay {amount} by card',
  'registration.paid': 'Paid {amount} on {day}.',
  'registration.code': 'Use a code on this booking',
  'registration.history': 'What happened',
  'registration.history.by': '{who}, {how}',
  'registration.history.reason': 'Reason given: {reason}',
  'registration.history.asRead': 'Each change as {name} reads it, then who made it and how.',
  'registration.exception': 'Something went wrong at the test centre? Ask for an exception',
  'registration.notFound': 'There is no such booking on your account.',
  'channel.web': 'on the web',
  'channel.phone': 'by phone',
  'channel.email': 'by email',
  'channel.chat': 'by chat',
  'channel.in-person': 'in person',
  'channel.api': 'through a booking system',
} as const

export const de: ExtendOf<typeof en> = {
  'registration.title': 'Ihre Buchung',
  'registration.title.of': 'Buchung von {name}',
  'registration.status.booked': 'Gebucht',
  'registration.status.checked-in': 'Eingecheckt',
  'registration.status.completed': 'Abgelegt',
  'registration.status.no-show': 'Nicht erschienen',
  'registration.status.cancelled': 'Storniert',
  'registration.payment.not-required': 'Nichts zu zahlen',
  'registration.payment.due': 'Zahlung offen',
  'registration.payment.paid': 'Bezahlt',
  'registration.payment.refunded': 'Erstattet',
  'registration.payment.fee-kept': 'Erstattet abzüglich einer Gebühr',
  'registration.status': 'Status',
  'registration.provider': 'Durchgeführt von',
  'registration.price': 'Preis',
  'registration.listPrice': 'Listenpreis',
  'registration.due': 'Zu zahlen',
  'registration.total': 'Summe',
  'registration.holdEnds':
    'Bitte zahlen Sie bis {until}: Bis dahin ist der Platz für Sie reserviert, danach wird er freigegeben.',
  'registration.holdEnds.of':
    'Zu zahlen bis {until}: Bis dahin ist der Platz für {name} reserviert, danach wird er freigegeben.',
  'registration.calendar': 'In den Kalender übernehmen (.ics)',
  'registration.calendarRemove': 'Aus dem Kalender entfernen (.ics)',
  'registration.calendarRemoveHelp':
    'Falls Sie diese Buchung in einen Kalender übernommen haben, öffnen Sie diese Datei dort: Sie entfernt den Termin.',
  'registration.calendarRemoveHelp.of':
    'Hat {name} diese Buchung in einen Kalender übernommen, entfernt diese Datei, dort geöffnet, den Termin.',
  'registration.change': 'Umbuchen oder stornieren',
  'registration.rescheduleUntil':
    'Sie können diese Buchung bis {deadline} auf einen anderen Termin legen.',
  'registration.rescheduleUntil.of':
    'Diese Buchung kann bis {deadline} auf einen anderen Termin gelegt werden.',
  'registration.cancelUntil': 'Sie können sie bis {deadline} stornieren.',
  'registration.cancelUntil.of': 'Sie kann bis {deadline} storniert werden.',
  'registration.deadlinesPassed':
    'Die Fristen für Änderungen sind abgelaufen: {provider} lässt diese Buchung nicht mehr verschieben oder stornieren.',
  'registration.rule':
    '{provider}: Änderungen bis {hours, plural, one {# Stunde} other {# Stunden}} vor dem Termin.',
  'registration.ruleApart':
    '{provider}: Verlegen auf einen anderen Termin bis {reschedule, plural, one {# Stunde} other {# Stunden}} vor dem Termin, Stornieren bis {cancel, plural, one {# Stunde} other {# Stunden}} davor.',
  'registration.reschedulePassed':
    'Die Frist, diese Buchung auf einen anderen Termin zu legen, ist am {deadline} abgelaufen.',
  'registration.cancelPassed': 'Die Frist zum Stornieren ist am {deadline} abgelaufen.',
  'registration.reschedule': 'Anderen Termin wählen',
  'registration.cancel': 'Diese Buchung stornieren',
  'registration.cancelConfirmTitle': 'Diese Buchung stornieren?',
  'registration.cancelConfirm':
    'Der Platz wird freigegeben. Darauf verwendete Codes können wieder verwendet werden, soweit ihre Bedingungen es erlauben.',
  'registration.cancelKeep': 'Buchung behalten',
  'registration.cancelDo': 'Ja, stornieren',
  'registration.cancelled': 'Diese Buchung ist storniert.',
  'registration.refund':
    'Erstattung: {refund} von {paid}{fee, select, none {} other {; eine Gebühr von {fee} wird einbehalten}}.',
  'registration.pay': '{amount} mit Karte bezahlen',
  'registration.paid': '{amount} bezahlt am {day}.',
  'registration.code': 'Einen Code für diese Buchung verwenden',
  'registration.history': 'Verlauf',
  'registration.history.by': '{who}, {how}',
  'registration.history.reason': 'Angegebener Grund: {reason}',
  'registration.history.asRead':
    'Jede Änderung so, wie {name} sie liest, dann wer sie wie vorgenommen hat.',
  'registration.exception': 'Ist im Testzentrum etwas schiefgegangen? Beantragen Sie eine Ausnahme',
  'registration.notFound': 'Diese Buchung gibt es in Ihrem Konto nicht.',
  'channel.web': 'im Web',
  'channel.phone': 'telefonisch',
  'channel.email': 'per E-Mail',
  'channel.chat': 'per Chat',
  'channel.in-person': 'persönlich',
  'channel.api': 'über ein Buchungssystem',
}
