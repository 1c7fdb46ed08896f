import type { ExtendOf } from '../../../i18n/catalogue'

/** The console's beta programmes and their invitation waves. */
export const en = {
  'console.nav.betas': 'Betas',
  'console.betas.title': 'Beta exams',
  'console.betas.intro':
    'Every beta exam with a programme: its seats, roster, waves and results. Open one to change its programme, add candidates to its roster, run its waves and release its results.',
  'console.betas.none': 'No beta exam has a programme yet.',
  'console.betas.period': 'Beta period',
  'console.betas.periodValue': '{start} to {end}',
  'console.betas.liveExam': 'Beta of',
  'console.betas.seats': 'Seats',
  'console.betas.seatsValue': '{taken, number} taken, {left, number} left of {limit, number}',
  'console.betas.roster': 'Roster',
  'console.betas.rosterValue': '{count, plural, one {# candidate} other {# candidates}}',
  'console.betas.admits': 'Who may register',
  'console.betas.admits.open': 'Anyone (except in the countries below)',
  'console.betas.admits.closed': 'Only candidates on its roster',
  'console.betas.restricted': 'Not offered in',
  'console.betas.restrictedNone': 'Offered in every country',
  'console.betas.waves': 'Waves',
  'console.betas.wavesValue': '{count, plural, =0 {none yet} one {# wave} other {# waves}}',
  'console.betas.results': 'Results',
  'console.betas.resultsDue': 'Not released; due from {at}',
  'console.betas.resultsReleased': 'Released {at}',
  'console.betas.rewards': 'Reward codes issued',
  'console.betas.holdMinutes': 'Unpaid booking holds its seat',
  'console.betas.holdDefault': 'The programme-wide setting',
  'console.betas.holdValue': '{minutes, plural, one {# minute} other {# minutes}}',
  'console.betas.open': 'Open {exam}',
  'console.betas.readOnly':
    'Support reads a beta here; an admin changes its programme, roster, waves and results.',

  'console.beta.title': 'Beta {exam}',
  'console.beta.back': 'All beta exams',
  'console.beta.facts': 'Programme',
  'console.beta.edit': 'Change the programme',
  'console.beta.edit.seatLimit': 'Seat limit',
  'console.beta.edit.seatLimitHelp': 'Never below the {taken, number} seats already taken.',
  'console.beta.edit.closed': 'Only candidates on its roster may register',
  'console.beta.edit.restricted': 'Not offered in (country codes, separated by commas)',
  'console.beta.edit.restrictedHelp':
    'Two letters each, such as CN, IR. Empty: offered everywhere.',
  'console.beta.edit.resultsReleaseAt': 'Results may be released from ({zone})',
  'console.beta.edit.resultsReleaseAtHelp': 'After the beta period ends, on your clock.',
  'console.beta.edit.holdMinutes': 'Minutes an unpaid booking holds its seat',
  'console.beta.edit.holdMinutesHelp': 'Empty: the programme-wide setting.',
  'console.beta.edit.save': 'Save the programme',
  'console.beta.edit.saved': 'The programme is saved.',
  'console.beta.edit.countries': 'Not two-letter country codes: {codes}.',

  'console.beta.roster': 'Add candidates to the roster',
  'console.beta.roster.label': 'Candidate ids or emails, one per line',
  'console.beta.roster.help':
    'A line with an @ is read as an email, any other as a candidate id. Nobody is added if one of them is unknown.',
  'console.beta.roster.submit': 'Add to the roster',
  'console.beta.roster.added':
    '{added, plural, =0 {Nobody new was added: everyone named was on the roster already.} one {# candidate added to the roster.} other {# candidates added to the roster.}}',
  'console.beta.roster.unknown': 'Nobody was added: no candidate has {names}.',
  'console.beta.roster.empty': 'Name at least one candidate.',

  'console.beta.release': 'Results and rewards',
  'console.beta.release.notYet':
    'Results are withheld until {at}. Releasing them shows every outcome, mails each candidate, and issues each participant one reward code.',
  'console.beta.release.done':
    'Results released {at}. {rewards, plural, =0 {No reward code has been issued.} one {# reward code has been issued.} other {# reward codes have been issued.}}',
  'console.beta.release.button': 'Release the results',
  'console.beta.release.question': 'Release the results of {exam}?',
  'console.beta.release.body':
    'Every withheld result becomes visible to its candidate and is mailed to them, a pass counts toward their certification, and each participant is issued one reward code. This cannot be undone.',
  'console.beta.release.keep': 'Not yet',
  'console.beta.release.confirm': 'Release and issue rewards',
  'console.beta.release.outcome':
    '{released, plural, =0 {No result was waiting.} one {# result released} other {# results released}} ({passed, number} passed, {failed, number} failed). {rewards, plural, =0 {No reward code was issued.} one {# reward code issued.} other {# reward codes issued.}}',

  'console.waves.title': 'Invitation waves',
  'console.waves.none': 'No wave yet. Compose the first one below.',
  'console.waves.noneRead': 'No wave yet.',
  'console.waves.live': 'Counts are read again every few seconds.',
  'console.wave.heading': 'Wave {position}: {name}',
  'console.wave.status.draft': 'Draft',
  'console.wave.status.open': 'Open',
  'console.wave.status.paused': 'Paused',
  'console.wave.status.withdrawn': 'Withdrawn',
  'console.wave.audience': 'Audience',
  'console.wave.audience.retake': 'Retake: took this beta or another beta of the same live exam',
  'console.wave.audience.re-registration':
    'Re-registration: a cancelled registration for this beta, or a cancelled or missed one for another beta of the same live exam',
  'console.wave.audience.roster-rest':
    'The rest of the roster: on it, not invited by an earlier wave',
  'console.wave.audience.list': 'A list of candidates',
  'console.wave.codeMode': 'Codes',
  'console.wave.codeMode.single-use': 'One code per invitee, bound to them',
  'console.wave.codeMode.per-wave': 'One code for the whole wave',
  'console.wave.bearerCode': 'The wave’s code',
  'console.wave.invited': 'Invited',
  'console.wave.mailed': 'Mailed',
  'console.wave.delivered': 'Delivered',
  'console.wave.registered': 'Registered',
  'console.wave.seatsLeft': 'Seats left',
  'console.wave.priority': 'Priority',
  'console.wave.priority.none': 'No later wave is composed: nothing ends this wave’s priority yet.',
  'console.wave.priority.draft':
    'Its priority starts when it opens: wave {next} may open once this one has been open {hours, plural, one {# hour} other {# hours}}, pauses not counted.',
  'console.wave.priority.until':
    'Its invitees have priority until {at}; wave {next} may open then.',
  'console.wave.priority.over': 'Its priority ended {at}; wave {next} may open.',
  'console.wave.priority.paused':
    'Paused: {hours, number, ::.#} h of its priority left; its clock runs again when it resumes.',
  'console.wave.openedAt': 'Opened {at}',
  'console.wave.mayOpenAt': 'May open from {at}.',
  'console.wave.mayOpenUnknown':
    'It may not open yet: an earlier wave has not opened, or is paused short of its priority.',
  'console.wave.withdrawnAt':
    'Withdrawn {at}: its codes no longer work, its invitees may be invited by a later wave, and it holds back no later wave.',
  'console.wave.check': 'Run the self-check',
  'console.wave.checking': 'Trying a registration…',
  'console.wave.checkTitle': 'Self-check of wave {position}',
  'console.wave.check.passed':
    'Passed: a trial registration of {name} with their own code booked at no charge, online and by phone, and was rolled back.',
  'console.wave.check.nobody': 'Nothing to try: every invitee is registered already.',
  'console.wave.check.failed': 'Failed: a trial registration of {name} ({channel}) was refused.',
  'console.wave.check.channel.web': 'online, as a booking site',
  'console.wave.check.channel.phone': 'by phone, through support',
  'console.wave.check.channel.none': 'before any channel was tried',
  'console.wave.check.why': 'Why: {detail}',
  'console.wave.check.fix':
    'Nobody has been mailed. Fix the cause and check again, or withdraw the wave and compose another.',
  'console.wave.check.BETA_ALREADY_TAKEN':
    'they took this very beta already, and a beta is taken once.',
  'console.wave.check.SEAT_UNAVAILABLE':
    'no slot of the exam has a free seat before the beta ends.',
  'console.wave.check.CODE_NOT_FREE': 'the invitation code left something to pay.',
  'console.wave.check.BETA_SEATS_FULL': 'the programme’s seats are all taken.',
  'console.wave.check.NOT_INVITED': 'the programme does not admit them.',
  'console.wave.check.REGION_RESTRICTED': 'the beta is not offered in their country.',
  'console.wave.open': 'Open',
  'console.wave.open.question': 'Open wave {position}, {name}?',
  'console.wave.open.body':
    'The self-check runs first. Then its {invited, plural, one {invitee joins} other {# invitees join}} the roster, registration works for them, and its priority clock starts. An opened wave can be paused, but not withdrawn.',
  'console.wave.open.confirm': 'Open the wave',
  'console.wave.keep': 'Keep it as it is',
  'console.wave.send': 'Send the invitations',
  'console.wave.send.question': 'Send the invitations of wave {position}?',
  'console.wave.send.body':
    'Each invitee not mailed yet is sent their invitation with its code: {left, plural, one {# mail} other {# mails}}. Sending again later sends only what is missing; a mail sent cannot be called back.',
  'console.wave.send.confirm': 'Send',
  'console.wave.sent':
    '{now, plural, =0 {Every invitation was in the outbox already.} one {# invitation mail put in the outbox.} other {# invitation mails put in the outbox.}}',
  'console.wave.pause': 'Pause',
  'console.wave.resume': 'Resume',
  'console.wave.withdraw': 'Withdraw',
  'console.wave.withdraw.question': 'Withdraw wave {position}, {name}?',
  'console.wave.withdraw.body':
    'Its codes stop working at once, its invitees may be invited by a later wave, and it holds back no later wave: the next wave’s clock looks past it. It can never be opened again.',
  'console.wave.withdraw.confirm': 'Withdraw the wave',

  'console.compose.title': 'Compose a wave',
  'console.compose.name': 'Name',
  'console.compose.audience': 'Audience',
  'console.compose.candidates': 'Candidate ids, one per line',
  'console.compose.codeMode': 'Codes',
  'console.compose.hours': 'Hours the previous wave must have been open first',
  'console.compose.hoursHelp': 'Pauses do not count. 0 sends two waves on one day.',
  'console.compose.help':
    'Anyone invited by an earlier wave, registered already, or in a country the beta is not offered in is left out. Nobody is mailed until the wave is open and sent.',
  'console.compose.submit': 'Compose the wave',
  'console.compose.done':
    'Wave {position} composed with {invited, plural, one {# invitee} other {# invitees}}.',
} as const

export const de: ExtendOf<typeof en> = {
  'console.nav.betas': 'Betas',
  'console.betas.title': 'Beta-Prüfungen',
  'console.betas.intro':
    'Jede Beta-Prüfung mit Programm: Plätze, Teilnehmerliste, Wellen und Ergebnisse. Öffnen Sie eine, um ihr Programm zu ändern, Prüflinge auf die Liste zu setzen, ihre Wellen zu führen und die Ergebnisse freizugeben.',
  'console.betas.none': 'Noch keine Beta-Prüfung hat ein Programm.',
  'console.betas.period': 'Beta-Zeitraum',
  'console.betas.periodValue': '{start} bis {end}',
  'console.betas.liveExam': 'Beta von',
  'console.betas.seats': 'Plätze',
  'console.betas.seatsValue': '{taken, number} belegt, {left, number} frei von {limit, number}',
  'console.betas.roster': 'Teilnehmerliste',
  'console.betas.rosterValue': '{count, plural, one {# Prüfling} other {# Prüflinge}}',
  'console.betas.admits': 'Wer sich anmelden darf',
  'console.betas.admits.open': 'Alle (außer in den Ländern unten)',
  'console.betas.admits.closed': 'Nur Prüflinge auf der Teilnehmerliste',
  'console.betas.restricted': 'Nicht angeboten in',
  'console.betas.restrictedNone': 'In allen Ländern angeboten',
  'console.betas.waves': 'Wellen',
  'console.betas.wavesValue': '{count, plural, =0 {noch keine} one {# Welle} other {# Wellen}}',
  'console.betas.results': 'Ergebnisse',
  'console.betas.resultsDue': 'Nicht freigegeben; frühestens ab {at}',
  'console.betas.resultsReleased': 'Freigegeben {at}',
  'console.betas.rewards': 'Ausgegebene Belohnungscodes',
  'console.betas.holdMinutes': 'Eine unbezahlte Buchung hält ihren Platz',
  'console.betas.holdDefault': 'Die programmweite Einstellung',
  'console.betas.holdValue': '{minutes, plural, one {# Minute} other {# Minuten}}',
  'console.betas.open': '{exam} öffnen',
  'console.betas.readOnly':
    'Der Support liest eine Beta hier; ein Admin ändert Programm, Teilnehmerliste, Wellen und Ergebnisse.',

  'console.beta.title': 'Beta {exam}',
  'console.beta.back': 'Alle Beta-Prüfungen',
  'console.beta.facts': 'Programm',
  'console.beta.edit': 'Programm ändern',
  'console.beta.edit.seatLimit': 'Platzgrenze',
  'console.beta.edit.seatLimitHelp': 'Nie unter den {taken, number} schon belegten Plätzen.',
  'console.beta.edit.closed': 'Nur Prüflinge auf der Teilnehmerliste dürfen sich anmelden',
  'console.beta.edit.restricted': 'Nicht angeboten in (Ländercodes, durch Kommas getrennt)',
  'console.beta.edit.restrictedHelp': 'Je zwei Buchstaben, etwa CN, IR. Leer: überall angeboten.',
  'console.beta.edit.resultsReleaseAt': 'Ergebnisse freigebbar ab ({zone})',
  'console.beta.edit.resultsReleaseAtHelp': 'Nach dem Ende des Beta-Zeitraums, auf Ihrer Uhr.',
  'console.beta.edit.holdMinutes': 'Minuten, die eine unbezahlte Buchung ihren Platz hält',
  'console.beta.edit.holdMinutesHelp': 'Leer: die programmweite Einstellung.',
  'console.beta.edit.save': 'Programm speichern',
  'console.beta.edit.saved': 'Das Programm ist gespeichert.',
  'console.beta.edit.countries': 'Keine zweibuchstabigen Ländercodes: {codes}.',

  'console.beta.roster': 'Prüflinge auf die Teilnehmerliste setzen',
  'console.beta.roster.label': 'Prüflingsnummern oder E-Mails, eine pro Zeile',
  'console.beta.roster.help':
    'Eine Zeile mit @ gilt als E-Mail, jede andere als Prüflingsnummer. Ist einer davon unbekannt, wird niemand hinzugefügt.',
  'console.beta.roster.submit': 'Auf die Liste setzen',
  'console.beta.roster.added':
    '{added, plural, =0 {Niemand Neues hinzugefügt: alle Genannten standen schon auf der Liste.} one {# Prüfling auf die Liste gesetzt.} other {# Prüflinge auf die Liste gesetzt.}}',
  'console.beta.roster.unknown': 'Niemand wurde hinzugefügt: kein Prüfling hat {names}.',
  'console.beta.roster.empty': 'Nennen Sie mindestens einen Prüfling.',

  'console.beta.release': 'Ergebnisse und Belohnungen',
  'console.beta.release.notYet':
    'Die Ergebnisse bleiben bis {at} zurückgehalten. Die Freigabe zeigt jedes Ergebnis, schreibt jedem Prüfling eine Mail und gibt jedem Teilnehmer einen Belohnungscode.',
  'console.beta.release.done':
    'Ergebnisse freigegeben {at}. {rewards, plural, =0 {Kein Belohnungscode wurde ausgegeben.} one {# Belohnungscode wurde ausgegeben.} other {# Belohnungscodes wurden ausgegeben.}}',
  'console.beta.release.button': 'Ergebnisse freigeben',
  'console.beta.release.question': 'Ergebnisse von {exam} freigeben?',
  'console.beta.release.body':
    'Jedes zurückgehaltene Ergebnis wird seinem Prüfling gezeigt und gemailt, ein Bestehen zählt für die Zertifizierung, und jeder Teilnehmer erhält einen Belohnungscode. Das lässt sich nicht rückgängig machen.',
  'console.beta.release.keep': 'Noch nicht',
  'console.beta.release.confirm': 'Freigeben und Belohnungen ausgeben',
  'console.beta.release.outcome':
    '{released, plural, =0 {Kein Ergebnis wartete.} one {# Ergebnis freigegeben} other {# Ergebnisse freigegeben}} ({passed, number} bestanden, {failed, number} nicht bestanden). {rewards, plural, =0 {Kein Belohnungscode ausgegeben.} one {# Belohnungscode ausgegeben.} other {# Belohnungscodes ausgegeben.}}',

  'console.waves.title': 'Einladungswellen',
  'console.waves.none': 'Noch keine Welle. Stellen Sie unten die erste zusammen.',
  'console.waves.noneRead': 'Noch keine Welle.',
  'console.waves.live': 'Die Zahlen werden alle paar Sekunden neu gelesen.',
  'console.wave.heading': 'Welle {position}: {name}',
  'console.wave.status.draft': 'Entwurf',
  'console.wave.status.open': 'Offen',
  'console.wave.status.paused': 'Pausiert',
  'console.wave.status.withdrawn': 'Zurückgezogen',
  'console.wave.audience': 'Empfänger',
  'console.wave.audience.retake':
    'Wiederholung: hat diese Beta oder eine andere Beta derselben Prüfung abgelegt',
  'console.wave.audience.re-registration':
    'Neuanmeldung: eine stornierte Anmeldung zu dieser Beta, oder eine stornierte oder versäumte zu einer anderen Beta derselben Prüfung',
  'console.wave.audience.roster-rest':
    'Der Rest der Teilnehmerliste: darauf, von keiner früheren Welle eingeladen',
  'console.wave.audience.list': 'Eine Liste von Prüflingen',
  'console.wave.codeMode': 'Codes',
  'console.wave.codeMode.single-use': 'Ein Code je eingeladenem Prüfling, an ihn gebunden',
  'console.wave.codeMode.per-wave': 'Ein Code für die ganze Welle',
  'console.wave.bearerCode': 'Der Code der Welle',
  'console.wave.invited': 'Eingeladen',
  'console.wave.mailed': 'Gemailt',
  'console.wave.delivered': 'Zugestellt',
  'console.wave.registered': 'Angemeldet',
  'console.wave.seatsLeft': 'Freie Plätze',
  'console.wave.priority': 'Vorrang',
  'console.wave.priority.none':
    'Keine spätere Welle ist zusammengestellt: nichts beendet den Vorrang dieser Welle bisher.',
  'console.wave.priority.draft':
    'Ihr Vorrang beginnt mit der Öffnung: Welle {next} darf öffnen, wenn diese {hours, plural, one {# Stunde} other {# Stunden}} offen war, Pausen nicht gezählt.',
  'console.wave.priority.until':
    'Ihre Eingeladenen haben Vorrang bis {at}; dann darf Welle {next} öffnen.',
  'console.wave.priority.over': 'Ihr Vorrang endete {at}; Welle {next} darf öffnen.',
  'console.wave.priority.paused':
    'Pausiert: noch {hours, number, ::.#} Std. Vorrang; ihre Uhr läuft weiter, wenn sie fortgesetzt wird.',
  'console.wave.openedAt': 'Geöffnet {at}',
  'console.wave.mayOpenAt': 'Darf öffnen ab {at}.',
  'console.wave.mayOpenUnknown':
    'Sie darf noch nicht öffnen: eine frühere Welle ist nicht geöffnet oder vor Ablauf ihres Vorrangs pausiert.',
  'console.wave.withdrawnAt':
    'Zurückgezogen {at}: ihre Codes gelten nicht mehr, ihre Eingeladenen können von einer späteren Welle eingeladen werden, und sie hält keine spätere Welle auf.',
  'console.wave.check': 'Selbsttest ausführen',
  'console.wave.checking': 'Eine Anmeldung wird probiert…',
  'console.wave.checkTitle': 'Selbsttest der Welle {position}',
  'console.wave.check.passed':
    'Bestanden: eine Probeanmeldung von {name} mit dem eigenen Code wurde kostenlos gebucht, online und telefonisch, und wieder zurückgenommen.',
  'console.wave.check.nobody': 'Nichts zu probieren: alle Eingeladenen sind schon angemeldet.',
  'console.wave.check.failed':
    'Nicht bestanden: eine Probeanmeldung von {name} ({channel}) wurde abgelehnt.',
  'console.wave.check.channel.web': 'online, wie eine Buchungsseite',
  'console.wave.check.channel.phone': 'telefonisch, über den Support',
  'console.wave.check.channel.none': 'bevor ein Weg probiert wurde',
  'console.wave.check.why': 'Grund: {detail}',
  'console.wave.check.fix':
    'Niemand wurde angeschrieben. Beheben Sie die Ursache und testen Sie erneut, oder ziehen Sie die Welle zurück und stellen Sie eine neue zusammen.',
  'console.wave.check.BETA_ALREADY_TAKEN':
    'sie haben genau diese Beta schon abgelegt, und eine Beta wird nur einmal abgelegt.',
  'console.wave.check.SEAT_UNAVAILABLE':
    'kein Termin der Prüfung hat vor dem Ende der Beta einen freien Platz.',
  'console.wave.check.CODE_NOT_FREE': 'der Einladungscode ließ etwas zu zahlen.',
  'console.wave.check.BETA_SEATS_FULL': 'alle Plätze des Programms sind belegt.',
  'console.wave.check.NOT_INVITED': 'das Programm lässt sie nicht zu.',
  'console.wave.check.REGION_RESTRICTED': 'die Beta wird in ihrem Land nicht angeboten.',
  'console.wave.open': 'Öffnen',
  'console.wave.open.question': 'Welle {position}, {name}, öffnen?',
  'console.wave.open.body':
    'Zuerst läuft der Selbsttest. Dann {invited, plural, one {kommt der Eingeladene} other {kommen die # Eingeladenen}} auf die Teilnehmerliste, die Anmeldung funktioniert für sie, und die Vorrang-Uhr beginnt. Eine geöffnete Welle kann pausiert, aber nicht zurückgezogen werden.',
  'console.wave.open.confirm': 'Welle öffnen',
  'console.wave.keep': 'So lassen',
  'console.wave.send': 'Einladungen senden',
  'console.wave.send.question': 'Einladungen der Welle {position} senden?',
  'console.wave.send.body':
    'Jeder noch nicht angeschriebene Eingeladene erhält seine Einladung mit Code: {left, plural, one {# Mail} other {# Mails}}. Ein späteres erneutes Senden schickt nur, was fehlt; eine gesendete Mail lässt sich nicht zurückholen.',
  'console.wave.send.confirm': 'Senden',
  'console.wave.sent':
    '{now, plural, =0 {Alle Einladungen lagen schon im Postausgang.} one {# Einladungsmail in den Postausgang gelegt.} other {# Einladungsmails in den Postausgang gelegt.}}',
  'console.wave.pause': 'Pausieren',
  'console.wave.resume': 'Fortsetzen',
  'console.wave.withdraw': 'Zurückziehen',
  'console.wave.withdraw.question': 'Welle {position}, {name}, zurückziehen?',
  'console.wave.withdraw.body':
    'Ihre Codes gelten sofort nicht mehr, ihre Eingeladenen können von einer späteren Welle eingeladen werden, und sie hält keine spätere Welle auf: die Uhr der nächsten Welle übergeht sie. Sie kann nie wieder geöffnet werden.',
  'console.wave.withdraw.confirm': 'Welle zurückziehen',

  'console.compose.title': 'Welle zusammenstellen',
  'console.compose.name': 'Name',
  'console.compose.audience': 'Empfänger',
  'console.compose.candidates': 'Prüflingsnummern, eine pro Zeile',
  'console.compose.codeMode': 'Codes',
  'console.compose.hours': 'Stunden, die die vorige Welle zuerst offen sein muss',
  'console.compose.hoursHelp': 'Pausen zählen nicht. 0 sendet zwei Wellen an einem Tag.',
  'console.compose.help':
    'Wer schon von einer früheren Welle eingeladen wurde, schon angemeldet ist oder in einem Land lebt, in dem die Beta nicht angeboten wird, bleibt außen vor. Niemand wird angeschrieben, bevor die Welle offen ist und gesendet wird.',
  'console.compose.submit': 'Welle zusammenstellen',
  'console.compose.done':
    'Welle {position} mit {invited, plural, one {# Eingeladenem} other {# Eingeladenen}} zusammengestellt.',
}
