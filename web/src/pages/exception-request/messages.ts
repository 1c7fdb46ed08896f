import type { ExtendOf } from '../../i18n/catalogue'

/** Asking for a retake exception, and following where the request stands. */
export const en = {
  'exception.new.title': 'Ask for a retake exception',
  'exception.new.intro':
    'If a technical problem at the test centre stopped or spoiled your exam, you can ask for a retake exception. If support approves it, the waiting time before your next attempt at the exam, the limit on attempts in twelve months, or both, are lifted for that one attempt.',
  'exception.new.known': 'What examdesk already knows',
  'exception.new.knownHelp':
    'These are sent with your request as they are, from your account and the booking. If your name is wrong, change it on your account page first.',
  'exception.new.knownHelp.of':
    'Sent with the request as they are, from {name}’s record and the booking.',
  'exception.new.changeName': 'Change your name on your account page',
  'exception.new.firstName': 'First name',
  'exception.new.lastName': 'Last name',
  'exception.new.candidateId': 'Candidate ID',
  'exception.new.email': 'Email',
  'exception.new.registrationId': 'Exam registration ID',
  'exception.new.exam': 'Exam',
  'exception.new.sitting': 'The sitting',
  'exception.new.yours': 'What went wrong',
  'exception.new.reason': 'Which kind of problem was it?',
  'exception.new.reason.lab-crash': 'The lab crashed',
  'exception.new.reason.lab-crash.help':
    'The test centre’s computer or the exam software stopped or failed during the exam.',
  'exception.new.reason.connectivity': 'The internet connection failed',
  'exception.new.reason.connectivity.help':
    'The centre’s connection to the exam was lost, so the exam stopped or could not go on.',
  'exception.new.reason.equipment-failure': 'Equipment failed',
  'exception.new.reason.equipment-failure.help':
    'Something the centre provides failed during the exam: a screen, keyboard, mouse, headset or the power.',
  'exception.new.notAccepted': 'What is not a reason',
  'exception.new.description': 'Describe what happened',
  'exception.new.descriptionHelp':
    'When in the exam it happened, what you saw, and what the centre’s staff did. {min, number} to {max, number} characters.',
  'exception.new.descriptionHelp.of':
    'When in the exam it happened, what {name} saw, and what the centre’s staff did. {min, number} to {max, number} characters.',
  'exception.new.caseNumber': 'The provider’s case number',
  'exception.new.caseNumberHelp':
    'The number {provider} gave you when the problem was reported, as it was written, for example PRM-2026-004417. If you have none, ask {provider} for it first.',
  'exception.new.caseNumberHelp.of':
    'The number {provider} gave {name} when the problem was reported, as it was written, for example PRM-2026-004417. If they have none, they ask {provider} for it first.',
  'exception.new.submit': 'Send my request',
  'exception.new.submit.of': 'Send the request for {name}',
  'exception.new.afterSubmit':
    'Support reviews every request and mails you the decision. You can follow it on its page.',
  'exception.new.afterSubmit.of':
    'Support reviews every request and mails {name} the decision; it can be followed on the request’s page.',
  'exception.new.noRegistration': 'There is no such booking on your account.',
  'exception.new.noRegistration.of': 'There is no such booking on {name}’s account.',
  'exception.new.choose': 'Which sitting went wrong?',
  'exception.new.chooseNone':
    'None of your bookings has been sat yet. An exception is asked for after a sitting that went wrong.',
  'exception.new.chooseNone.of':
    'None of {name}’s bookings has been sat yet. An exception is asked for after a sitting that went wrong.',
  'exception.new.chooseLine': '{exam}, {when}, {centre}',
  'exception.new.staff':
    'Staff file a request for a candidate through the API (POST /v1/exception-requests); this page is a candidate’s.',
  'exception.new.exists': 'You have asked for an exception for this sitting already.',
  'exception.new.exists.of': '{name} has asked for an exception for this sitting already.',
  'exception.new.existsLink': 'See that request',
  'exception.errors.title': 'There is a problem',
  'exception.errors.intro':
    '{count, plural, one {Fix this, then send the request again.} other {Fix these # things, then send the request again.}}',
  'exception.error.firstName.missing': 'Your first name is missing from your account.',
  'exception.error.firstName.missing.of': '{name}’s first name is missing from their account.',
  'exception.error.firstName.mismatch': 'This is not the first name on your account.',
  'exception.error.firstName.mismatch.of': 'This is not the first name on {name}’s account.',
  'exception.error.lastName.missing': 'Your last name is missing from your account.',
  'exception.error.lastName.missing.of': '{name}’s last name is missing from their account.',
  'exception.error.lastName.mismatch': 'This is not the last name on your account.',
  'exception.error.lastName.mismatch.of': 'This is not the last name on {name}’s account.',
  'exception.error.email.mismatch': 'This is not the email of your account.',
  'exception.error.email.mismatch.of': 'This is not the email of {name}’s account.',
  'exception.error.registrationId.unknown': 'There is no such booking on your account.',
  'exception.error.registrationId.unknown.of': 'There is no such booking on {name}’s account.',
  'exception.error.registrationId.other-candidate': 'There is no such booking on your account.',
  'exception.error.registrationId.other-candidate.of':
    'There is no such booking on {name}’s account.',
  'exception.error.registrationId.other-exam': 'This booking is for another exam.',
  'exception.error.registrationId.cancelled':
    'This booking was cancelled: no exam was sat under it.',
  'exception.error.registrationId.not-sat':
    'This booking’s appointment has not started yet. An exception is asked for after a sitting that went wrong.',
  'exception.error.description.missing': 'Describe what happened at the test centre.',
  'exception.error.description.too-short':
    'Describe what happened in at least {min, number} characters: when in the exam, what you saw, what the staff did.',
  'exception.error.description.too-short.of':
    'Describe what happened in at least {min, number} characters: when in the exam, what {name} saw, what the staff did.',
  'exception.error.description.too-long':
    'Keep the description to {max, number} characters; it has {length, number}.',
  'exception.error.providerCaseNumber.missing':
    'Give the case number the provider gave you when the problem was reported.',
  'exception.error.providerCaseNumber.missing.of':
    'Give the case number the provider gave {name} when the problem was reported.',
  'exception.error.providerCaseNumber.malformed':
    'A case number is 1 to 40 letters, digits or signs, without spaces, as the provider wrote it.',
  'exception.error.reason.missing': 'Choose which kind of problem it was.',
  'problem.EXCEPTION_REASON_NOT_ACCEPTED':
    'Retake exceptions are granted only when a technical problem at the test centre — a lab crash, a lost internet connection or failed equipment — stopped or spoiled the exam. Lack of preparation, knowledge, skill or ability is never a reason for one; the retake policy’s waiting time and attempt limit then apply as usual.',
  'exception.title': 'Exception request {id}',
  'exception.filed':
    'Your request was received. A mail saying so is on its way to {email}. Support reviews it and mails you the decision; it is also shown here.',
  'exception.filed.of':
    'The request was filed for {name}. A mail saying so is on its way to {email}; the decision is mailed to them too.',
  'exception.status': 'Status',
  'exception.status.open': 'Waiting for review',
  'exception.status.approved': 'Approved',
  'exception.status.denied': 'Denied',
  'exception.exam': 'Exam',
  'exception.booking': 'Booking',
  'exception.bookingLine': 'Registration {id}',
  'exception.reason': 'What went wrong',
  'exception.caseNumber': 'Provider’s case number',
  'exception.description': 'Your description',
  'exception.description.of': '{name}’s description',
  'exception.asked': 'Asked',
  'exception.filedBy': 'Filed for you by {who}, {how}',
  'exception.filedBy.of': 'Filed for {name} by {who}, {how}',
  'exception.openNext':
    'Support reviews every request and mails you the decision. Nothing more is needed from you meanwhile.',
  'exception.openNext.of':
    'Support reviews every request and mails {name} the decision. Nothing more is needed from them meanwhile.',
  'exception.decision': 'The decision',
  'exception.decidedAt': 'Decided {at}.',
  'exception.note': 'Support’s note: {note}',
  'exception.waives.both':
    'It lifts both the waiting time and the limit on attempts in twelve months, for one attempt: your next attempt at {exam}.',
  'exception.waives.both.of':
    'It lifts both the waiting time and the limit on attempts in twelve months, for one attempt: {name}’s next attempt at {exam}.',
  'exception.waives.wait':
    'It lifts the waiting time before your next attempt at {exam}, for that one attempt. The limit on attempts in twelve months still applies.',
  'exception.waives.wait.of':
    'It lifts the waiting time before {name}’s next attempt at {exam}, for that one attempt. The limit on attempts in twelve months still applies.',
  'exception.waives.limit':
    'It lifts the limit on attempts in twelve months for your next attempt at {exam}, for that one attempt. The waiting time still applies.',
  'exception.waives.limit.of':
    'It lifts the limit on attempts in twelve months for {name}’s next attempt at {exam}, for that one attempt. The waiting time still applies.',
  'exception.waiver.available':
    'Not used yet. Your next booking of {exam} that needs it uses it; you do not need to do anything else.',
  'exception.waiver.available.of':
    'Not used yet. {name}’s next booking of {exam} that needs it uses it; nothing else needs doing.',
  'exception.waiver.held':
    'Held by your booking {booking}: that booking relies on it. If it is cancelled, or moved to a time it is not needed, it is free again.',
  'exception.waiver.held.of':
    'Held by {name}’s booking {booking}: that booking relies on it. If it is cancelled, or moved to a time it is not needed, it is free again.',
  'exception.waiver.used': 'Used: the attempt it allowed has been taken.',
  'exception.findSeat': 'Find a seat for {exam}',
  'exception.deniedNext':
    'The retake policy’s waiting time and attempt limit apply as usual. If something was missing, such as the provider’s case number, you may ask again for the same sitting.',
  'exception.deniedNext.of':
    'The retake policy’s waiting time and attempt limit apply as usual. If something was missing, such as the provider’s case number, {name} may ask again for the same sitting.',
  'exception.askAgain': 'Ask again for this sitting',
  'exception.notFound': 'There is no such exception request on your account.',
  'exception.history.requested': 'Asked for',
  'exception.history.approved': 'Approved',
  'exception.history.denied': 'Denied',
} as const

export const de: ExtendOf<typeof en> = {
  'exception.new.title': 'Eine Ausnahme für die Wiederholung beantragen',
  'exception.new.intro':
    'Wenn ein technisches Problem im Testzentrum Ihre Prüfung abgebrochen oder verdorben hat, können Sie eine Ausnahme für die Wiederholung beantragen. Genehmigt der Support sie, entfallen für Ihren nächsten Versuch dieser Prüfung die Wartezeit, die Höchstzahl an Versuchen in zwölf Monaten oder beides – für diesen einen Versuch.',
  'exception.new.known': 'Was examdesk schon weiß',
  'exception.new.knownHelp':
    'Diese Angaben werden so, wie sie sind, mit Ihrem Antrag gesendet: aus Ihrem Konto und der Buchung. Ist Ihr Name falsch, ändern Sie ihn zuerst auf Ihrer Kontoseite.',
  'exception.new.knownHelp.of':
    'Werden so mit dem Antrag gesendet, aus dem Datensatz von {name} und der Buchung.',
  'exception.new.changeName': 'Namen auf der Kontoseite ändern',
  'exception.new.firstName': 'Vorname',
  'exception.new.lastName': 'Nachname',
  'exception.new.candidateId': 'Kandidaten-ID',
  'exception.new.email': 'E-Mail-Adresse',
  'exception.new.registrationId': 'Prüfungsanmeldungs-ID',
  'exception.new.exam': 'Prüfung',
  'exception.new.sitting': 'Der Termin',
  'exception.new.yours': 'Was schiefgegangen ist',
  'exception.new.reason': 'Welche Art von Problem war es?',
  'exception.new.reason.lab-crash': 'Der Prüfungsrechner ist abgestürzt',
  'exception.new.reason.lab-crash.help':
    'Der Computer des Testzentrums oder die Prüfungssoftware ist während der Prüfung ausgefallen oder stehen geblieben.',
  'exception.new.reason.connectivity': 'Die Internetverbindung ist ausgefallen',
  'exception.new.reason.connectivity.help':
    'Die Verbindung des Zentrums zur Prüfung ist abgerissen, sodass die Prüfung abbrach oder nicht weitergehen konnte.',
  'exception.new.reason.equipment-failure': 'Geräte sind ausgefallen',
  'exception.new.reason.equipment-failure.help':
    'Etwas, das das Zentrum stellt, ist während der Prüfung ausgefallen: Bildschirm, Tastatur, Maus, Headset oder der Strom.',
  'exception.new.notAccepted': 'Was kein Grund ist',
  'exception.new.description': 'Beschreiben Sie, was passiert ist',
  'exception.new.descriptionHelp':
    'Wann in der Prüfung es geschah, was Sie gesehen haben und was das Personal des Zentrums getan hat. {min, number} bis {max, number} Zeichen.',
  'exception.new.descriptionHelp.of':
    'Wann in der Prüfung es geschah, was {name} gesehen hat und was das Personal des Zentrums getan hat. {min, number} bis {max, number} Zeichen.',
  'exception.new.caseNumber': 'Die Fallnummer des Anbieters',
  'exception.new.caseNumberHelp':
    'Die Nummer, die {provider} Ihnen gegeben hat, als das Problem gemeldet wurde, so wie sie geschrieben war, zum Beispiel PRM-2026-004417. Haben Sie keine, fragen Sie zuerst {provider} danach.',
  'exception.new.caseNumberHelp.of':
    'Die Nummer, die {provider} {name} gegeben hat, als das Problem gemeldet wurde, so wie sie geschrieben war, zum Beispiel PRM-2026-004417. Fehlt sie, fragt {name} zuerst {provider} danach.',
  'exception.new.submit': 'Antrag senden',
  'exception.new.submit.of': 'Antrag für {name} senden',
  'exception.new.afterSubmit':
    'Der Support prüft jeden Antrag und schickt Ihnen die Entscheidung per Mail. Sie können den Antrag auf seiner Seite verfolgen.',
  'exception.new.afterSubmit.of':
    'Der Support prüft jeden Antrag und schickt {name} die Entscheidung per Mail; der Antrag lässt sich auf seiner Seite verfolgen.',
  'exception.new.noRegistration': 'Diese Buchung gibt es in Ihrem Konto nicht.',
  'exception.new.noRegistration.of': 'Diese Buchung gibt es im Konto von {name} nicht.',
  'exception.new.choose': 'Bei welchem Termin ist etwas schiefgegangen?',
  'exception.new.chooseNone':
    'Noch keiner Ihrer Termine hat stattgefunden. Eine Ausnahme beantragt man nach einem Termin, bei dem etwas schiefging.',
  'exception.new.chooseNone.of':
    'Noch keiner der Termine von {name} hat stattgefunden. Eine Ausnahme beantragt man nach einem Termin, bei dem etwas schiefging.',
  'exception.new.chooseLine': '{exam}, {when}, {centre}',
  'exception.new.staff':
    'Das Personal stellt Anträge für Kandidaten über die API (POST /v1/exception-requests); diese Seite ist für Kandidaten.',
  'exception.new.exists': 'Für diesen Termin haben Sie schon eine Ausnahme beantragt.',
  'exception.new.exists.of': 'Für diesen Termin hat {name} schon eine Ausnahme beantragt.',
  'exception.new.existsLink': 'Diesen Antrag ansehen',
  'exception.errors.title': 'Es gibt ein Problem',
  'exception.errors.intro':
    '{count, plural, one {Beheben Sie dies und senden Sie den Antrag dann erneut.} other {Beheben Sie diese # Punkte und senden Sie den Antrag dann erneut.}}',
  'exception.error.firstName.missing': 'In Ihrem Konto fehlt der Vorname.',
  'exception.error.firstName.missing.of': 'Im Konto von {name} fehlt der Vorname.',
  'exception.error.firstName.mismatch': 'Das ist nicht der Vorname in Ihrem Konto.',
  'exception.error.firstName.mismatch.of': 'Das ist nicht der Vorname im Konto von {name}.',
  'exception.error.lastName.missing': 'In Ihrem Konto fehlt der Nachname.',
  'exception.error.lastName.missing.of': 'Im Konto von {name} fehlt der Nachname.',
  'exception.error.lastName.mismatch': 'Das ist nicht der Nachname in Ihrem Konto.',
  'exception.error.lastName.mismatch.of': 'Das ist nicht der Nachname im Konto von {name}.',
  'exception.error.email.mismatch': 'Das ist nicht die E-Mail-Adresse Ihres Kontos.',
  'exception.error.email.mismatch.of': 'Das ist nicht die E-Mail-Adresse des Kontos von {name}.',
  'exception.error.registrationId.unknown': 'Diese Buchung gibt es in Ihrem Konto nicht.',
  'exception.error.registrationId.unknown.of': 'Diese Buchung gibt es im Konto von {name} nicht.',
  'exception.error.registrationId.other-candidate': 'Diese Buchung gibt es in Ihrem Konto nicht.',
  'exception.error.registrationId.other-candidate.of':
    'Diese Buchung gibt es im Konto von {name} nicht.',
  'exception.error.registrationId.other-exam': 'Diese Buchung ist für eine andere Prüfung.',
  'exception.error.registrationId.cancelled':
    'Diese Buchung wurde storniert: Unter ihr wurde keine Prüfung abgelegt.',
  'exception.error.registrationId.not-sat':
    'Der Termin dieser Buchung hat noch nicht begonnen. Eine Ausnahme beantragt man nach einem Termin, bei dem etwas schiefging.',
  'exception.error.description.missing': 'Beschreiben Sie, was im Testzentrum passiert ist.',
  'exception.error.description.too-short':
    'Beschreiben Sie das Geschehen in mindestens {min, number} Zeichen: wann in der Prüfung, was Sie gesehen haben, was das Personal getan hat.',
  'exception.error.description.too-short.of':
    'Beschreiben Sie das Geschehen in mindestens {min, number} Zeichen: wann in der Prüfung, was {name} gesehen hat, was das Personal getan hat.',
  'exception.error.description.too-long':
    'Die Beschreibung darf höchstens {max, number} Zeichen haben; sie hat {length, number}.',
  'exception.error.providerCaseNumber.missing':
    'Geben Sie die Fallnummer an, die der Anbieter Ihnen bei der Meldung des Problems gegeben hat.',
  'exception.error.providerCaseNumber.missing.of':
    'Geben Sie die Fallnummer an, die der Anbieter {name} bei der Meldung des Problems gegeben hat.',
  'exception.error.providerCaseNumber.malformed':
    'Eine Fallnummer besteht aus 1 bis 40 Buchstaben, Ziffern oder Zeichen ohne Leerzeichen, so wie der Anbieter sie geschrieben hat.',
  'exception.error.reason.missing': 'Wählen Sie, welche Art von Problem es war.',
  'problem.EXCEPTION_REASON_NOT_ACCEPTED':
    'Ausnahmen für die Wiederholung werden nur gewährt, wenn ein technisches Problem im Testzentrum – ein Absturz des Prüfungsrechners, eine ausgefallene Internetverbindung oder ausgefallene Geräte – die Prüfung abgebrochen oder verdorben hat. Mangelnde Vorbereitung, fehlendes Wissen, Können oder Vermögen sind nie ein Grund dafür; dann gelten die Wartezeit und die Höchstzahl an Versuchen der Wiederholungsregel wie immer.',
  'exception.title': 'Ausnahmeantrag {id}',
  'exception.filed':
    'Ihr Antrag ist eingegangen. Eine Bestätigung ist an {email} unterwegs. Der Support prüft ihn und schickt Ihnen die Entscheidung per Mail; sie steht auch hier.',
  'exception.filed.of':
    'Der Antrag wurde für {name} gestellt. Eine Mail darüber ist an {email} unterwegs; auch die Entscheidung bekommt {name} per Mail.',
  'exception.status': 'Status',
  'exception.status.open': 'Wartet auf Prüfung',
  'exception.status.approved': 'Genehmigt',
  'exception.status.denied': 'Abgelehnt',
  'exception.exam': 'Prüfung',
  'exception.booking': 'Buchung',
  'exception.bookingLine': 'Anmeldung {id}',
  'exception.reason': 'Was schiefging',
  'exception.caseNumber': 'Fallnummer des Anbieters',
  'exception.description': 'Ihre Beschreibung',
  'exception.description.of': 'Beschreibung von {name}',
  'exception.asked': 'Beantragt',
  'exception.filedBy': 'Für Sie gestellt von {who}, {how}',
  'exception.filedBy.of': 'Für {name} gestellt von {who}, {how}',
  'exception.openNext':
    'Der Support prüft jeden Antrag und schickt Ihnen die Entscheidung per Mail. Bis dahin müssen Sie nichts weiter tun.',
  'exception.openNext.of':
    'Der Support prüft jeden Antrag und schickt {name} die Entscheidung per Mail. Bis dahin muss {name} nichts weiter tun.',
  'exception.decision': 'Die Entscheidung',
  'exception.decidedAt': 'Entschieden am {at}.',
  'exception.note': 'Anmerkung des Supports: {note}',
  'exception.waives.both':
    'Sie hebt die Wartezeit und die Höchstzahl an Versuchen in zwölf Monaten auf, für einen Versuch: Ihren nächsten Versuch von {exam}.',
  'exception.waives.both.of':
    'Sie hebt die Wartezeit und die Höchstzahl an Versuchen in zwölf Monaten auf, für einen Versuch: den nächsten Versuch von {name} bei {exam}.',
  'exception.waives.wait':
    'Sie hebt die Wartezeit vor Ihrem nächsten Versuch von {exam} auf, für diesen einen Versuch. Die Höchstzahl an Versuchen in zwölf Monaten gilt weiter.',
  'exception.waives.wait.of':
    'Sie hebt die Wartezeit vor dem nächsten Versuch von {name} bei {exam} auf, für diesen einen Versuch. Die Höchstzahl an Versuchen in zwölf Monaten gilt weiter.',
  'exception.waives.limit':
    'Sie hebt die Höchstzahl an Versuchen in zwölf Monaten für Ihren nächsten Versuch von {exam} auf, für diesen einen Versuch. Die Wartezeit gilt weiter.',
  'exception.waives.limit.of':
    'Sie hebt die Höchstzahl an Versuchen in zwölf Monaten für den nächsten Versuch von {name} bei {exam} auf, für diesen einen Versuch. Die Wartezeit gilt weiter.',
  'exception.waiver.available':
    'Noch nicht verwendet. Ihre nächste Buchung von {exam}, die sie braucht, verwendet sie; Sie müssen sonst nichts tun.',
  'exception.waiver.available.of':
    'Noch nicht verwendet. Die nächste Buchung von {name} für {exam}, die sie braucht, verwendet sie; sonst ist nichts zu tun.',
  'exception.waiver.held':
    'Ihre Buchung {booking} hält sie: Diese Buchung ist auf sie angewiesen. Wird sie storniert oder auf einen Termin verlegt, der sie nicht braucht, ist die Ausnahme wieder frei.',
  'exception.waiver.held.of':
    'Die Buchung {booking} von {name} hält sie: Diese Buchung ist auf sie angewiesen. Wird sie storniert oder auf einen Termin verlegt, der sie nicht braucht, ist die Ausnahme wieder frei.',
  'exception.waiver.used': 'Verwendet: Der Versuch, den sie erlaubte, ist abgelegt.',
  'exception.findSeat': 'Einen Platz für {exam} finden',
  'exception.deniedNext':
    'Wartezeit und Höchstzahl an Versuchen der Wiederholungsregel gelten wie immer. Fehlte etwas, etwa die Fallnummer des Anbieters, können Sie für denselben Termin erneut eine Ausnahme beantragen.',
  'exception.deniedNext.of':
    'Wartezeit und Höchstzahl an Versuchen der Wiederholungsregel gelten wie immer. Fehlte etwas, etwa die Fallnummer des Anbieters, kann {name} für denselben Termin erneut eine Ausnahme beantragen.',
  'exception.askAgain': 'Für diesen Termin erneut beantragen',
  'exception.notFound': 'Diesen Ausnahmeantrag gibt es in Ihrem Konto nicht.',
  'exception.history.requested': 'Beantragt',
  'exception.history.approved': 'Genehmigt',
  'exception.history.denied': 'Abgelehnt',
}
