import type { ExtendOf } from '../../i18n/catalogue'

/** The staff console's frame and its search box. */
export const en = {
  'console.nav': 'Console',
  'console.nav.search': 'Find a candidate',
  'console.nav.mailQueue': 'Mail queue',
  'console.search.title': 'Find a candidate',
  'console.search.label': 'Candidate id, email, name, registration id or voucher code',
  'console.search.help':
    'Whatever the caller reads out: any spelling of a registration id or a code, or part of a name (accents and case ignored).',
  'console.search.submit': 'Search',
  'console.search.results': 'Candidates found for “{q}”',
  'console.search.none':
    'No candidate matches “{q}”. Check the spelling, or try the email or a registration id.',
  'console.search.more': 'Show more',
  'console.search.country': 'Country',
  'console.search.email': 'Email',
  'console.search.name': 'Name',
  'console.search.matchedBy': 'Found by',
  'console.match.id': 'candidate id',
  'console.match.email': 'email',
  'console.match.registration': 'a registration of theirs',
  'console.match.code': 'a code issued to them',
  'console.match.name': 'name',
} as const

export const de: ExtendOf<typeof en> = {
  'console.nav': 'Konsole',
  'console.nav.search': 'Prüfling suchen',
  'console.nav.mailQueue': 'E-Mail-Warteschlange',
  'console.search.title': 'Prüfling suchen',
  'console.search.label': 'Prüflingsnummer, E-Mail, Name, Anmeldenummer oder Gutscheincode',
  'console.search.help':
    'Was die anrufende Person vorliest: jede Schreibweise einer Anmeldenummer oder eines Codes, oder ein Teil des Namens (Akzente und Groß-/Kleinschreibung egal).',
  'console.search.submit': 'Suchen',
  'console.search.results': 'Gefundene Prüflinge für „{q}“',
  'console.search.none':
    'Kein Prüfling passt zu „{q}“. Prüfen Sie die Schreibweise, oder versuchen Sie die E-Mail oder eine Anmeldenummer.',
  'console.search.more': 'Mehr zeigen',
  'console.search.country': 'Land',
  'console.search.email': 'E-Mail',
  'console.search.name': 'Name',
  'console.search.matchedBy': 'Gefunden über',
  'console.match.id': 'Prüflingsnummer',
  'console.match.email': 'E-Mail',
  'console.match.registration': 'eine ihrer Anmeldungen',
  'console.match.code': 'einen an sie ausgegebenen Code',
  'console.match.name': 'Name',
}
