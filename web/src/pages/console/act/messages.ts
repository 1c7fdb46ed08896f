import type { ExtendOf } from '../../../i18n/catalogue'

/** Support acting for a candidate: booking, codes, exception requests, and the review queue. */
export const en = {
  'console.act.title': 'Act for this candidate',
  'console.act.intro':
    'Everything done here is recorded under your name, with how the candidate asked and why, and they are told.',
  'console.act.book': 'Book a seat for them',
  'console.act.enrol': 'Enrol them in an offer (get them a code)',
  'console.act.exception': 'Open an exception request for them',
  'console.act.how': 'How the candidate asked',
  'console.act.channel': 'Channel',
  'console.act.channel.phone': 'By phone',
  'console.act.channel.email': 'By email',
  'console.act.channel.chat': 'By chat',
  'console.act.channel.in-person': 'In person',
  'console.act.reason': 'Reason the candidate will read',
  'console.act.reasonHelp':
    'One line, shown to the candidate beside your name, e.g. “Called: the booking page kept timing out.”',
  'console.act.reasonMissing': 'Say why you are acting for the candidate: they read it.',
  'console.act.exceptionIntro':
    'The candidate’s own form, filled in from their record and the sitting: ask them what went wrong and the provider’s case number.',
  'console.act.enrolTitle': 'Enrol in an offer',
  'console.act.showOffers': 'Show the offers',
  'console.act.noOffers':
    'No offer open for enrolment now covers {exam}, or the candidate already holds its code.',
  'console.act.for': 'Acting for {name} ({id})',
  'console.act.forZone': 'Their clock: {zone}',
  'console.act.candidateMissing': 'There is no candidate with this id.',
  'console.act.registrationMissing': 'There is no booking with this id.',
} as const

export const de: ExtendOf<typeof en> = {
  'console.act.title': 'Für diesen Prüfling handeln',
  'console.act.intro':
    'Alles, was Sie hier tun, wird unter Ihrem Namen festgehalten, mit dem Weg, auf dem der Prüfling gefragt hat, und dem Grund; der Prüfling wird benachrichtigt.',
  'console.act.book': 'Einen Platz für den Prüfling buchen',
  'console.act.enrol': 'In ein Angebot einschreiben (einen Code besorgen)',
  'console.act.exception': 'Einen Ausnahmeantrag für den Prüfling stellen',
  'console.act.how': 'Wie der Prüfling gefragt hat',
  'console.act.channel': 'Weg',
  'console.act.channel.phone': 'Telefonisch',
  'console.act.channel.email': 'Per E-Mail',
  'console.act.channel.chat': 'Per Chat',
  'console.act.channel.in-person': 'Persönlich',
  'console.act.reason': 'Grund, den der Prüfling liest',
  'console.act.reasonHelp':
    'Eine Zeile, die der Prüfling neben Ihrem Namen liest, z. B. „Angerufen: Die Buchungsseite lief immer wieder in eine Zeitüberschreitung.“',
  'console.act.reasonMissing': 'Sagen Sie, warum Sie für den Prüfling handeln: Er liest es.',
  'console.act.exceptionIntro':
    'Das eigene Formular des Prüflings, ausgefüllt aus seinem Datensatz und der Prüfung: Fragen Sie, was schiefging, und nach der Fallnummer des Anbieters.',
  'console.act.enrolTitle': 'In ein Angebot einschreiben',
  'console.act.showOffers': 'Angebote zeigen',
  'console.act.noOffers':
    'Kein derzeit offenes Angebot deckt {exam} ab, oder der Prüfling hat dessen Code schon.',
  'console.act.for': 'Für {name} ({id})',
  'console.act.forZone': 'Uhr des Prüflings: {zone}',
  'console.act.candidateMissing': 'Es gibt keinen Prüfling mit dieser Nummer.',
  'console.act.registrationMissing': 'Es gibt keine Buchung mit dieser Nummer.',
}
