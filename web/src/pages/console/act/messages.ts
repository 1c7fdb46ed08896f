import type { ExtendOf } from '../../../i18n/catalogue'

/** Support acting for a candidate: booking, codes, exception requests, and the review queue. */
export const en = {
  'console.act.title': 'Act for this candidate',
  'console.act.intro':
    'Everything done here is recorded under your name, with how the candidate asked and why, and they are told.',
  'console.act.book': 'Book a seat for them',
  'console.act.enrol': 'Enrol them in an offer (get them a code)',
  'console.act.exception': 'Open an exception request for them',
} as const

export const de: ExtendOf<typeof en> = {
  'console.act.title': 'Für diesen Prüfling handeln',
  'console.act.intro':
    'Alles, was Sie hier tun, wird unter Ihrem Namen festgehalten, mit dem Weg, auf dem der Prüfling gefragt hat, und dem Grund; der Prüfling wird benachrichtigt.',
  'console.act.book': 'Einen Platz für den Prüfling buchen',
  'console.act.enrol': 'In ein Angebot einschreiben (einen Code besorgen)',
  'console.act.exception': 'Einen Ausnahmeantrag für den Prüfling stellen',
}
