import type { ExtendOf } from '../i18n/catalogue'

/**
 * What the retake policy and a beta programme decide, said from the
 * decision's code and its facts (the API's sentence is English only).
 */
export const en = {
  'decision.ELIGIBLE': 'You may take this exam now.',
  'decision.RETAKE_TOO_SOON':
    'Your {attempt, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} attempt at this exam can be taken from {earliest}. The waiting time between attempts is set by {policy}.',
  'decision.ANNUAL_LIMIT_REACHED':
    'You have taken this exam as often as {policy} allows in twelve months. Your {attempt, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} attempt can be taken from {earliest}.',
  'decision.ALREADY_PASSED':
    'You have passed this exam. Under {policy} a passed exam is not taken again.',
  'decision.BETA_ALREADY_TAKEN':
    'You have taken the beta of this exam already: a beta exam is taken once.',
  'decision.RESULT_PENDING':
    'The result of your last attempt is not out yet; a retake is judged once it is.',
  'decision.EXAM_NOT_AVAILABLE': 'This exam cannot be booked now.',
  'decision.REGION_RESTRICTED':
    'This beta exam is not offered to candidates in {country}, before any seat is chosen.',
  'decision.NOT_INVITED': 'This beta exam is by invitation only, and you have no invitation.',
  'decision.INVITATION_NOT_OPEN':
    'Your invitation belongs to a wave that has not opened yet; booking opens with it.',
  'decision.BETA_ALREADY_REGISTERED':
    'You have registered for this beta exam already: one registration per beta exam.',
  'decision.BETA_SEATS_FULL': 'Every seat of this beta exam is taken.',
  'decision.policyUnnamed': 'the retake policy',
} as const

export const de: ExtendOf<typeof en> = {
  'decision.ELIGIBLE': 'Sie können diese Prüfung jetzt ablegen.',
  'decision.RETAKE_TOO_SOON':
    'Ihren {attempt}. Versuch dieser Prüfung können Sie ab {earliest} ablegen. Die Wartezeit zwischen Versuchen legt {policy} fest.',
  'decision.ANNUAL_LIMIT_REACHED':
    'Sie haben diese Prüfung so oft abgelegt, wie {policy} in zwölf Monaten erlaubt. Den {attempt}. Versuch können Sie ab {earliest} ablegen.',
  'decision.ALREADY_PASSED':
    'Sie haben diese Prüfung bestanden. Nach {policy} wird eine bestandene Prüfung nicht wiederholt.',
  'decision.BETA_ALREADY_TAKEN':
    'Sie haben die Beta-Version dieser Prüfung schon abgelegt: Eine Beta-Prüfung legt man einmal ab.',
  'decision.RESULT_PENDING':
    'Das Ergebnis Ihres letzten Versuchs liegt noch nicht vor; über eine Wiederholung wird entschieden, sobald es vorliegt.',
  'decision.EXAM_NOT_AVAILABLE': 'Diese Prüfung kann derzeit nicht gebucht werden.',
  'decision.REGION_RESTRICTED':
    'Diese Beta-Prüfung wird Kandidaten in {country} nicht angeboten – das steht fest, bevor Sie einen Platz wählen.',
  'decision.NOT_INVITED':
    'Diese Beta-Prüfung gibt es nur auf Einladung, und Sie haben keine Einladung.',
  'decision.INVITATION_NOT_OPEN':
    'Ihre Einladung gehört zu einer Welle, die noch nicht geöffnet ist; mit ihr öffnet die Buchung.',
  'decision.BETA_ALREADY_REGISTERED':
    'Sie haben sich für diese Beta-Prüfung schon angemeldet: eine Anmeldung je Beta-Prüfung.',
  'decision.BETA_SEATS_FULL': 'Alle Plätze dieser Beta-Prüfung sind vergeben.',
  'decision.policyUnnamed': 'die Wiederholungsregel',
}
