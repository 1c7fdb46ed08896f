import type { ExtendOf } from '../../i18n/catalogue'

/** An exam's page: may I take it now, what if I fail, its beta, its price and my codes for it. */
export const en = {
  'exam.title': 'Exam',
  'exam.notFound':
    'There is no exam {exam} in the catalogue. An exam number is written like 070-620.',
  'exam.status.live': 'Live exam',
  'exam.status.beta': 'Beta exam',
  'exam.status.retired': 'Retired exam',
  'exam.betaOf': 'a preview of',
  'exam.staff':
    'You are signed in as staff. Whether a candidate may take this exam, and what if they fail, is said to the candidate; here is the price.',

  'exam.now': 'May I take it now?',
  'exam.now.attempt': 'Attempt',
  'exam.now.attemptValue':
    'Your {attempt, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} attempt at this exam',
  'exam.now.waiver': 'It uses your approved retake exception.',
  'exam.now.attemptValue.of':
    'The {attempt, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} attempt at this exam',
  'exam.now.waiver.of': 'It uses the retake exception approved for {name}.',
  'exam.now.earliest': 'Earliest',
  'exam.now.never': 'Not under the current rules',
  'exam.now.whenWaveOpens': 'When the wave of the invitation opens',
  'exam.now.rule': 'The rule',
  'exam.now.policy': 'Policy',
  'exam.now.policyValue': '{policy}, version {version}',
  'exam.now.seatsFrom': 'Only a seat that starts at or after {earliest} can be booked for you.',
  'exam.findSeat': 'Find a seat for {exam}',
  'exam.held':
    'You already have a booking for {exam}, on {when} at {centre}. A second one cannot be made while it stands: move or cancel that one instead.',
  'exam.held.of':
    '{name} already has a booking for {exam}, on {when} at {centre}. A second one cannot be made while it stands: move or cancel that one instead.',
  'exam.held.open': 'See your booking',
  'exam.held.open.of': 'See {name}’s booking',

  'exam.whatIf': 'What if I fail?',
  'exam.whatIf.intro':
    'If every attempt from now on failed, this is the earliest each next one could be taken, on your clock ({zone}):',
  'exam.whatIf.attempt':
    '{attempt, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} attempt',
  'exam.whatIf.now': 'now',
  'exam.whatIf.from': 'from {when}',
  'exam.whatIf.never': 'not under the current rules',
  'exam.whatIf.nothingHolds': 'Nothing holds it back.',
  'exam.whatIf.betaOnce':
    'A beta exam is taken once; after a failed beta, the live exam {live} can be taken once it is live.',
  'exam.whatIf.usesWaiver': 'It would use your approved retake exception.',

  'exam.beta': 'Beta exam',
  'exam.beta.period': 'Beta period',
  'exam.beta.periodValue': '{start} to {end}',
  'exam.beta.live': 'Live exam',
  'exam.beta.seats': 'Seats',
  'exam.beta.seatsValue': '{left, plural, one {# seat} other {# seats}} left of {limit}',
  'exam.beta.who': 'Who may register',
  'exam.beta.open': 'Any candidate',
  'exam.beta.closed': 'Only candidates on its roster, by invitation',
  'exam.beta.restricted': 'Not offered in',
  'exam.beta.restrictedNone': 'Offered in every country',
  'exam.beta.yourCountryRestricted':
    'Your country, {country}, is one of them: no seat can be booked for you.',
  'exam.beta.yourCountryOffered': 'Your country, {country}, is not one of them.',
  'exam.beta.results': 'Results',
  'exam.beta.resultsDue': 'released from {day}',
  'exam.beta.resultsReleased': 'released on {day}',
  'exam.beta.you': 'You',
  'exam.beta.invited': 'Invited in wave {position} ({name}), mailed {day}.',
  'exam.beta.waiting':
    'Invited in wave {position}, which has not opened yet: you can register once it opens.',
  'exam.beta.onRoster': 'You are on its roster.',
  'exam.beta.notOnRoster': 'You are not on its roster.',
  'exam.beta.notInvited': 'You have no invitation to it.',
  'exam.beta.registered': 'You have registered for it:',
  'exam.beta.yourBooking': 'your booking',
  'exam.beta.noProgramme': 'It has no programme of seats and invitations.',

  'exam.price': 'Price and your codes',
  'exam.price.list': 'List price',
  'exam.price.free': 'Free of charge',
  'exam.price.class': 'Price class',
  'exam.price.class.regular': 'Regular price',
  'exam.price.class.discounted': 'Discounted price',
  'exam.price.class.academic': 'Academic price',
  'exam.price.chargedIn':
    'A booking is charged in {currency} unless you choose another of these currencies when you book.',
  'exam.codes': 'Your codes for this exam',
  'exam.codes.none': 'None of your codes covers this exam.',
  'exam.codes.noneHeld': 'You hold no codes.',
  'exam.codes.note':
    'When you book, give the code: you see what it does to the price, and anything it would give up, before anything is booked.',
  'exam.offers': 'Codes you can get for this exam',
  'exam.offers.of': 'Codes {name} can get for this exam',
  'exam.offers.benefit.free-retake':
    'If you fail, the same code books one free retake of the same exam',
  'exam.offers.benefit.free-retake.of':
    'If {name} fails, the same code books one free retake of the same exam',
  'exam.offers.benefit.free-exam': 'The exam free of charge',
  'exam.offers.benefit.percent-off': '{percent}% off the price',
  'exam.offers.notCombinable': 'cannot be combined with another code',
  'exam.offers.useBefore': 'both sittings before {day}',
  'exam.offers.validDays': 'valid for {days} days',
  'exam.offers.until': 'You can get a code until {day}.',
  'exam.offers.until.of': '{name} can get a code until {day}.',
  'exam.offers.enrol': 'Get a {offer} code',
  'exam.offers.enrolled': 'Your code, also sent to you by mail:',
  'exam.offers.enrolled.of': '{name}’s code, also mailed to them:',
  'exam.offers.findSeat': 'Find a seat and book with it',
  'problem.OFFER_ALREADY_ENROLLED':
    'You already hold an unused code of {offerName}: it is listed with your codes. Once it has been used you can get another.',
  'problem.OFFER_ALREADY_ENROLLED.of':
    '{name} already holds an unused code of {offerName}: it is listed with their codes. Once it has been used they can get another.',
} as const

export const de: ExtendOf<typeof en> = {
  'exam.title': 'Prüfung',
  'exam.notFound':
    'Im Katalog gibt es keine Prüfung {exam}. Eine Prüfungsnummer wird so geschrieben: 070-620.',
  'exam.status.live': 'Reguläre Prüfung',
  'exam.status.beta': 'Beta-Prüfung',
  'exam.status.retired': 'Eingestellte Prüfung',
  'exam.betaOf': 'eine Vorabversion von',
  'exam.staff':
    'Sie sind als Mitarbeiterin oder Mitarbeiter angemeldet. Ob ein Kandidat diese Prüfung ablegen kann und was bei Nichtbestehen gilt, wird dem Kandidaten angezeigt; hier steht der Preis.',

  'exam.now': 'Kann ich sie jetzt ablegen?',
  'exam.now.attempt': 'Versuch',
  'exam.now.attemptValue': 'Ihr {attempt}. Versuch dieser Prüfung',
  'exam.now.waiver': 'Dafür wird Ihre genehmigte Ausnahme verwendet.',
  'exam.now.attemptValue.of': 'Der {attempt}. Versuch dieser Prüfung',
  'exam.now.waiver.of': 'Dafür wird die für {name} genehmigte Ausnahme verwendet.',
  'exam.now.earliest': 'Frühestens',
  'exam.now.never': 'Nach den geltenden Regeln nicht',
  'exam.now.whenWaveOpens': 'Sobald die Welle der Einladung öffnet',
  'exam.now.rule': 'Die Regel',
  'exam.now.policy': 'Regelwerk',
  'exam.now.policyValue': '{policy}, Version {version}',
  'exam.now.seatsFrom':
    'Für Sie kann nur ein Platz gebucht werden, der um oder nach {earliest} beginnt.',
  'exam.findSeat': 'Einen Platz für {exam} finden',
  'exam.held':
    'Sie haben bereits eine Buchung für {exam}, am {when} in {centre}. Solange sie besteht, ist keine zweite möglich: Verschieben oder stornieren Sie stattdessen diese.',
  'exam.held.of':
    '{name} hat bereits eine Buchung für {exam}, am {when} in {centre}. Solange sie besteht, ist keine zweite möglich: Verschieben oder stornieren Sie stattdessen diese.',
  'exam.held.open': 'Ihre Buchung ansehen',
  'exam.held.open.of': 'Die Buchung von {name} ansehen',

  'exam.whatIf': 'Was, wenn ich nicht bestehe?',
  'exam.whatIf.intro':
    'Wenn jeder Versuch ab jetzt nicht bestanden würde, könnte jeder nächste frühestens zu diesen Zeiten abgelegt werden, nach Ihrer Uhr ({zone}):',
  'exam.whatIf.attempt': '{attempt}. Versuch',
  'exam.whatIf.now': 'jetzt',
  'exam.whatIf.from': 'ab {when}',
  'exam.whatIf.never': 'nach den geltenden Regeln nicht',
  'exam.whatIf.nothingHolds': 'Nichts steht dem entgegen.',
  'exam.whatIf.betaOnce':
    'Eine Beta-Prüfung legt man einmal ab; nach einer nicht bestandenen Beta-Prüfung kann die reguläre Prüfung {live} abgelegt werden, sobald sie freigegeben ist.',
  'exam.whatIf.usesWaiver': 'Dafür würde Ihre genehmigte Ausnahme verwendet.',

  'exam.beta': 'Beta-Prüfung',
  'exam.beta.period': 'Beta-Phase',
  'exam.beta.periodValue': '{start} bis {end}',
  'exam.beta.live': 'Reguläre Prüfung',
  'exam.beta.seats': 'Plätze',
  'exam.beta.seatsValue': '{left, plural, one {# Platz} other {# Plätze}} von {limit} frei',
  'exam.beta.who': 'Wer sich anmelden kann',
  'exam.beta.open': 'Jeder Kandidat',
  'exam.beta.closed': 'Nur Kandidaten auf ihrer Liste, auf Einladung',
  'exam.beta.restricted': 'Nicht angeboten in',
  'exam.beta.restrictedNone': 'In jedem Land angeboten',
  'exam.beta.yourCountryRestricted':
    'Ihr Land, {country}, gehört dazu: Für Sie kann kein Platz gebucht werden.',
  'exam.beta.yourCountryOffered': 'Ihr Land, {country}, gehört nicht dazu.',
  'exam.beta.results': 'Ergebnisse',
  'exam.beta.resultsDue': 'werden ab dem {day} veröffentlicht',
  'exam.beta.resultsReleased': 'am {day} veröffentlicht',
  'exam.beta.you': 'Sie',
  'exam.beta.invited': 'Eingeladen in Welle {position} ({name}), Mail vom {day}.',
  'exam.beta.waiting':
    'Eingeladen in Welle {position}, die noch nicht geöffnet ist: Sie können sich anmelden, sobald sie öffnet.',
  'exam.beta.onRoster': 'Sie stehen auf ihrer Liste.',
  'exam.beta.notOnRoster': 'Sie stehen nicht auf ihrer Liste.',
  'exam.beta.notInvited': 'Sie haben keine Einladung dazu.',
  'exam.beta.registered': 'Sie haben sich angemeldet:',
  'exam.beta.yourBooking': 'Ihre Buchung',
  'exam.beta.noProgramme': 'Für sie gibt es kein Programm mit Plätzen und Einladungen.',

  'exam.price': 'Preis und Ihre Codes',
  'exam.price.list': 'Listenpreis',
  'exam.price.free': 'Kostenlos',
  'exam.price.class': 'Preisklasse',
  'exam.price.class.regular': 'Regulärer Preis',
  'exam.price.class.discounted': 'Ermäßigter Preis',
  'exam.price.class.academic': 'Preis für Bildungseinrichtungen',
  'exam.price.chargedIn':
    'Eine Buchung wird in {currency} berechnet, wenn Sie beim Buchen keine andere dieser Währungen wählen.',
  'exam.codes': 'Ihre Codes für diese Prüfung',
  'exam.codes.none': 'Keiner Ihrer Codes gilt für diese Prüfung.',
  'exam.codes.noneHeld': 'Sie haben keine Codes.',
  'exam.codes.note':
    'Geben Sie den Code beim Buchen an: Sie sehen, was er am Preis ändert und was er aufgeben würde, bevor etwas gebucht wird.',
  'exam.offers': 'Codes, die Sie für diese Prüfung erhalten können',
  'exam.offers.of': 'Codes, die {name} für diese Prüfung erhalten kann',
  'exam.offers.benefit.free-retake':
    'Wenn Sie nicht bestehen, bucht derselbe Code eine kostenlose Wiederholung derselben Prüfung',
  'exam.offers.benefit.free-retake.of':
    'Besteht {name} nicht, bucht derselbe Code eine kostenlose Wiederholung derselben Prüfung',
  'exam.offers.benefit.free-exam': 'Die Prüfung kostenlos',
  'exam.offers.benefit.percent-off': '{percent} % Rabatt auf den Preis',
  'exam.offers.notCombinable': 'nicht mit einem anderen Code kombinierbar',
  'exam.offers.useBefore': 'beide Termine vor dem {day}',
  'exam.offers.validDays': '{days} Tage gültig',
  'exam.offers.until': 'Sie können einen Code bis zum {day} erhalten.',
  'exam.offers.until.of': '{name} kann bis zum {day} einen Code erhalten.',
  'exam.offers.enrol': 'Einen Code für {offer} erhalten',
  'exam.offers.enrolled': 'Ihr Code, den Sie auch per E-Mail erhalten:',
  'exam.offers.enrolled.of': 'Der Code für {name}, auch per E-Mail zugeschickt:',
  'exam.offers.findSeat': 'Einen Platz suchen und damit buchen',
  'problem.OFFER_ALREADY_ENROLLED':
    'Sie haben bereits einen unbenutzten Code für {offerName}: Er steht bei Ihren Codes. Sobald er verwendet wurde, können Sie einen weiteren erhalten.',
  'problem.OFFER_ALREADY_ENROLLED.of':
    '{name} hat bereits einen unbenutzten Code für {offerName}: Er steht bei den Codes von {name}. Sobald er verwendet wurde, ist ein weiterer erhältlich.',
}
