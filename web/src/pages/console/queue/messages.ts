import type { ExtendOf } from '../../../i18n/catalogue'

/** The exception request queue. */
export const en = {
  'console.nav.exceptionQueue': 'Exception requests',
  'console.queue.title': 'Exception requests to review',
  'console.queue.waiting':
    '{count, plural, =0 {Nothing waiting} one {# waiting, oldest first} other {# waiting, oldest first}}',
  'console.queue.none': 'No request is waiting for review.',
  'console.queue.waited': 'Waited',
  'console.queue.waitedFor':
    '{days, plural, =0 {} one {# day, } other {# days, }}{hours, plural, one {# hour} other {# hours}}',
  'console.queue.overdue': 'Overdue',
  'console.queue.due': 'Due',
  'console.queue.request': 'Request',
  'console.queue.sitting': 'about the sitting',
  'console.queue.description': 'What happened',
  'console.queue.caseNumber': 'Provider’s case number',
  'console.queue.note': 'Note to {name} (mailed with the decision)',
  'console.queue.waivesWait': 'Lift the waiting time',
  'console.queue.waivesLimit': 'Lift the attempt limit',
  'console.queue.approve': 'Approve',
  'console.queue.deny': 'Deny',
  'console.queue.approved': 'Approved {id} for {name}; they are mailed the decision and your note.',
  'console.queue.denied': 'Denied {id} for {name}; they are mailed the decision and your note.',
} as const

export const de: ExtendOf<typeof en> = {
  'console.nav.exceptionQueue': 'Ausnahmeanträge',
  'console.queue.title': 'Zu prüfende Ausnahmeanträge',
  'console.queue.waiting':
    '{count, plural, =0 {Nichts wartet} one {# wartet, älteste zuerst} other {# warten, älteste zuerst}}',
  'console.queue.none': 'Kein Antrag wartet auf Prüfung.',
  'console.queue.waited': 'Gewartet',
  'console.queue.waitedFor':
    '{days, plural, =0 {} one {# Tag, } other {# Tage, }}{hours, plural, one {# Stunde} other {# Stunden}}',
  'console.queue.overdue': 'Überfällig',
  'console.queue.due': 'Fällig',
  'console.queue.request': 'Antrag',
  'console.queue.sitting': 'zur Prüfung',
  'console.queue.description': 'Was geschah',
  'console.queue.caseNumber': 'Fallnummer des Anbieters',
  'console.queue.note': 'Notiz an {name} (mit der Entscheidung gemailt)',
  'console.queue.waivesWait': 'Wartezeit aufheben',
  'console.queue.waivesLimit': 'Versuchsgrenze aufheben',
  'console.queue.approve': 'Genehmigen',
  'console.queue.deny': 'Ablehnen',
  'console.queue.approved':
    '{id} für {name} genehmigt; die Entscheidung und Ihre Notiz gehen per Mail.',
  'console.queue.denied':
    '{id} für {name} abgelehnt; die Entscheidung und Ihre Notiz gehen per Mail.',
}
