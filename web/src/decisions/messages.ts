import type { ExtendOf } from '../i18n/catalogue'

/**
 * What the retake policy and a beta programme decide, said from the
 * decision's code and its facts (the API's sentence is English only).
 */
export const en = {
  'decision.ELIGIBLE': 'You may take this exam now.',
  'decision.RETAKE_TOO_SOON':
    'Your {attempt, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} attempt at this exam can be taken from {earliest}. The waiting time between attempts is set by the {policy}.',
  'decision.ANNUAL_LIMIT_REACHED':
    'You have taken this exam as often as the {policy} allows in twelve months. Your {attempt, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} attempt can be taken from {earliest}.',
  'decision.ALREADY_PASSED':
    'You have passed this exam. Under the {policy} a passed exam is not taken again.',
  'decision.ALREADY_PASSED.dated':
    'You have passed this exam. It can be taken again once the certification it earned expires: from {earliest}.',
  'decision.BETA_ALREADY_TAKEN':
    'You have taken the beta of this exam already: a beta exam is taken once.',
  'decision.RESULT_PENDING':
    'The result of your last attempt is not out yet; a retake is judged once it is.',
  'decision.EXAM_NOT_AVAILABLE': 'This exam cannot be booked now.',
  'decision.EXAM_NOT_AVAILABLE.retired': 'This exam is retired and can no longer be taken.',
  'decision.EXAM_NOT_AVAILABLE.not-live': 'This exam is not live yet; it can be booked once it is.',
  'decision.EXAM_NOT_AVAILABLE.beta-not-started': 'This beta exam can be taken from {earliest}.',
  'decision.EXAM_NOT_AVAILABLE.beta-over':
    'The beta period of this exam is over; the live exam can be taken once it is live.',
  'decision.EXAM_NOT_AVAILABLE.no-policy':
    'No retake policy governs this exam yet, so it cannot be booked; the programme team can tell you more.',
  'decision.REGION_RESTRICTED':
    'This beta exam is not offered to candidates in {country}: no seat can be booked for it.',
  'decision.NOT_INVITED': 'This beta exam is by invitation only, and you have no invitation.',
  'decision.INVITATION_NOT_OPEN':
    'Your invitation belongs to a wave that has not opened yet; booking opens with it.',
  'decision.BETA_ALREADY_REGISTERED':
    'You have registered for this beta exam already: one registration per beta exam.',
  'decision.BETA_SEATS_FULL': 'Every seat of this beta exam is taken.',
  'decision.policyUnnamed': 'retake policy',
  // Said to staff of a candidate, by the candidate's first name: what the candidate is told as "you".
  'decision.ELIGIBLE.of': '{name} may take this exam now.',
  'decision.RETAKE_TOO_SOON.of':
    '{name} may take the {attempt, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} attempt at this exam from {earliest}. The waiting time between attempts is set by the {policy}.',
  'decision.ANNUAL_LIMIT_REACHED.of':
    '{name} has taken this exam as often as the {policy} allows in twelve months, and may take the {attempt, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} attempt from {earliest}.',
  'decision.ALREADY_PASSED.of':
    '{name} has passed this exam. Under the {policy} a passed exam is not taken again.',
  'decision.ALREADY_PASSED.dated.of':
    '{name} has passed this exam, and may take it again once the certification it earned expires: from {earliest}.',
  'decision.BETA_ALREADY_TAKEN.of':
    '{name} has taken the beta of this exam already: a beta exam is taken once.',
  'decision.RESULT_PENDING.of':
    'The result of the last attempt {name} took is not out yet; a retake is judged once it is.',
  'decision.EXAM_NOT_AVAILABLE.no-policy.of':
    'No retake policy governs this exam yet, so it cannot be booked; the programme team can say more.',
  'decision.NOT_INVITED.of': 'This beta exam is by invitation only, and {name} has no invitation.',
  'decision.INVITATION_NOT_OPEN.of':
    'The invitation {name} holds belongs to a wave that has not opened yet; booking opens with it.',
  'decision.BETA_ALREADY_REGISTERED.of':
    '{name} has registered for this beta exam already: one registration per beta exam.',
  'rule.limit.of':
    'The {policy} allows {attempts} attempts in the {months} months that start with the first attempt of a period; {name} has taken {taken} since {start}.',
  'rule.wait':
    'After {failures, plural, one {a failure} other {# failures in a row}}, the {policy} asks for a wait of {wait}, counted from the last attempt ({last}).',
  'rule.wait.step':
    'A wait of {wait} after {failures, plural, one {a failure} other {# failures in a row}}, under the {policy}.',
  'rule.limit':
    'The {policy} allows {attempts} attempts in the {months} months that start with the first attempt of a period; you have taken {taken} since {start}.',
  'rule.limit.step':
    'The limit of {attempts} attempts in the {months} months from {start}, under the {policy}.',
  'rule.hours': '{hours, plural, one {# hour} other {# hours}}',
  'rule.days': '{days, plural, one {# day} other {# days}}',
  'rule.twoDays': '2 days (48 hours)',
} as const

export const de: ExtendOf<typeof en> = {
  'decision.ELIGIBLE': 'Sie können diese Prüfung jetzt ablegen.',
  'decision.RETAKE_TOO_SOON':
    'Ihren {attempt}. Versuch dieser Prüfung können Sie ab {earliest} ablegen. Die Wartezeit zwischen Versuchen legt die Regel „{policy}“ fest.',
  'decision.ANNUAL_LIMIT_REACHED':
    'Sie haben diese Prüfung so oft abgelegt, wie die Regel „{policy}“ in zwölf Monaten erlaubt. Den {attempt}. Versuch können Sie ab {earliest} ablegen.',
  'decision.ALREADY_PASSED':
    'Sie haben diese Prüfung bestanden. Nach der Regel „{policy}“ wird eine bestandene Prüfung nicht wiederholt.',
  'decision.ALREADY_PASSED.dated':
    'Sie haben diese Prüfung bestanden. Sie können sie erneut ablegen, sobald die damit erworbene Zertifizierung abläuft: ab {earliest}.',
  'decision.BETA_ALREADY_TAKEN':
    'Sie haben die Beta-Version dieser Prüfung schon abgelegt: Eine Beta-Prüfung legt man einmal ab.',
  'decision.RESULT_PENDING':
    'Das Ergebnis Ihres letzten Versuchs liegt noch nicht vor; über eine Wiederholung wird entschieden, sobald es vorliegt.',
  'decision.EXAM_NOT_AVAILABLE': 'Diese Prüfung kann derzeit nicht gebucht werden.',
  'decision.EXAM_NOT_AVAILABLE.retired':
    'Diese Prüfung wurde eingestellt und kann nicht mehr abgelegt werden.',
  'decision.EXAM_NOT_AVAILABLE.not-live':
    'Diese Prüfung ist noch nicht freigegeben; sie kann gebucht werden, sobald sie es ist.',
  'decision.EXAM_NOT_AVAILABLE.beta-not-started':
    'Diese Beta-Prüfung kann ab {earliest} abgelegt werden.',
  'decision.EXAM_NOT_AVAILABLE.beta-over':
    'Die Beta-Phase dieser Prüfung ist vorbei; die reguläre Prüfung kann abgelegt werden, sobald sie freigegeben ist.',
  'decision.EXAM_NOT_AVAILABLE.no-policy':
    'Für diese Prüfung gilt noch keine Wiederholungsregel, daher kann sie nicht gebucht werden; das Programmteam gibt Auskunft.',
  'decision.REGION_RESTRICTED':
    'Diese Beta-Prüfung wird Kandidaten in {country} nicht angeboten: Es kann kein Platz dafür gebucht werden.',
  'decision.NOT_INVITED':
    'Diese Beta-Prüfung gibt es nur auf Einladung, und Sie haben keine Einladung.',
  'decision.INVITATION_NOT_OPEN':
    'Ihre Einladung gehört zu einer Welle, die noch nicht geöffnet ist; mit ihr öffnet die Buchung.',
  'decision.BETA_ALREADY_REGISTERED':
    'Sie haben sich für diese Beta-Prüfung schon angemeldet: eine Anmeldung je Beta-Prüfung.',
  'decision.BETA_SEATS_FULL': 'Alle Plätze dieser Beta-Prüfung sind vergeben.',
  'decision.policyUnnamed': 'Wiederholungsregel',
  'decision.ELIGIBLE.of': '{name} kann diese Prüfung jetzt ablegen.',
  'decision.RETAKE_TOO_SOON.of':
    'Den {attempt}. Versuch dieser Prüfung kann {name} ab {earliest} ablegen. Die Wartezeit zwischen Versuchen legt die Regel „{policy}“ fest.',
  'decision.ANNUAL_LIMIT_REACHED.of':
    '{name} hat diese Prüfung so oft abgelegt, wie die Regel „{policy}“ in zwölf Monaten erlaubt. Den {attempt}. Versuch kann {name} ab {earliest} ablegen.',
  'decision.ALREADY_PASSED.of':
    '{name} hat diese Prüfung bestanden. Nach der Regel „{policy}“ wird eine bestandene Prüfung nicht wiederholt.',
  'decision.ALREADY_PASSED.dated.of':
    '{name} hat diese Prüfung bestanden und kann sie erneut ablegen, sobald die damit erworbene Zertifizierung abläuft: ab {earliest}.',
  'decision.BETA_ALREADY_TAKEN.of':
    '{name} hat die Beta-Version dieser Prüfung schon abgelegt: Eine Beta-Prüfung legt man einmal ab.',
  'decision.RESULT_PENDING.of':
    'Das Ergebnis des letzten Versuchs von {name} liegt noch nicht vor; über eine Wiederholung wird entschieden, sobald es vorliegt.',
  'decision.EXAM_NOT_AVAILABLE.no-policy.of':
    'Für diese Prüfung gilt noch keine Wiederholungsregel, daher kann sie nicht gebucht werden; das Programmteam gibt Auskunft.',
  'decision.NOT_INVITED.of':
    'Diese Beta-Prüfung gibt es nur auf Einladung, und {name} hat keine Einladung.',
  'decision.INVITATION_NOT_OPEN.of':
    'Die Einladung von {name} gehört zu einer Welle, die noch nicht geöffnet ist; mit ihr öffnet die Buchung.',
  'decision.BETA_ALREADY_REGISTERED.of':
    '{name} hat sich für diese Beta-Prüfung schon angemeldet: eine Anmeldung je Beta-Prüfung.',
  'rule.limit.of':
    'Die Regel „{policy}“ erlaubt {attempts} Versuche in den {months} Monaten ab dem ersten Versuch eines Zeitraums; {name} hat seit dem {start} {taken} Versuche abgelegt.',
  'rule.wait':
    'Nach {failures, plural, one {einem nicht bestandenen Versuch} other {# nicht bestandenen Versuchen in Folge}} verlangt die Regel „{policy}“ eine Wartezeit von {wait}, gerechnet ab dem letzten Versuch ({last}).',
  'rule.wait.step':
    'Eine Wartezeit von {wait} nach {failures, plural, one {einem nicht bestandenen Versuch} other {# nicht bestandenen Versuchen in Folge}}, nach der Regel „{policy}“.',
  'rule.limit':
    'Die Regel „{policy}“ erlaubt {attempts} Versuche in den {months} Monaten ab dem ersten Versuch eines Zeitraums; Sie haben seit dem {start} {taken} Versuche abgelegt.',
  'rule.limit.step':
    'Die Grenze von {attempts} Versuchen in den {months} Monaten ab dem {start}, nach der Regel „{policy}“.',
  'rule.hours': '{hours, plural, one {# Stunde} other {# Stunden}}',
  'rule.days': '{days, plural, one {# Tag} other {# Tagen}}',
  'rule.twoDays': '2 Tagen (48 Stunden)',
}
