import type { ExtendOf } from '../../../i18n/catalogue'

/** The staff console's mail queue. */
export const en = {
  'console.mailQueue.title': 'Mail queue',
  'console.mailQueue.intro':
    'Mail that delivery gave up on, and mail waiting longer than {minutes} minutes to be sent, oldest first.',
  'console.mailQueue.count': '{count, plural, =0 {Nothing waiting} one {One mail} other {# mails}}',
  'console.mailQueue.none': 'No mail has failed or is waiting too long.',
  'console.mailQueue.waited': '· written {waited} ago',
  'console.mailQueue.minutes': '{minutes} min',
  'console.mailQueue.hours': '{hours} h {minutes} min',
  'console.mailQueue.days': '{days} days',
  'console.mailQueue.candidate': 'the candidate’s page',
  'console.mailQueue.tries': 'Tries',
  'console.mailQueue.error': 'Last error',
  'console.mailQueue.retry': 'Try again',
  'console.mailQueue.retry.title': 'Try “{subject}” again?',
  'console.mailQueue.retry.body':
    'It goes back to be sent to {recipient} now, tried as often as a new mail. Do this once the cause is mended. The reason is kept on the records with your name.',
  'console.mailQueue.retry.submit': 'Try it again',
} as const

export const de: ExtendOf<typeof en> = {
  'console.mailQueue.title': 'E-Mail-Warteschlange',
  'console.mailQueue.intro':
    'E-Mails, deren Zustellung aufgegeben wurde, und E-Mails, die länger als {minutes} Minuten auf den Versand warten, die ältesten zuerst.',
  'console.mailQueue.count':
    '{count, plural, =0 {Nichts wartet} one {Eine E-Mail} other {# E-Mails}}',
  'console.mailQueue.none': 'Keine E-Mail ist fehlgeschlagen oder wartet zu lange.',
  'console.mailQueue.waited': '· geschrieben vor {waited}',
  'console.mailQueue.minutes': '{minutes} Min.',
  'console.mailQueue.hours': '{hours} Std. {minutes} Min.',
  'console.mailQueue.days': '{days} Tagen',
  'console.mailQueue.candidate': 'Seite des Prüflings',
  'console.mailQueue.tries': 'Versuche',
  'console.mailQueue.error': 'Letzter Fehler',
  'console.mailQueue.retry': 'Erneut versuchen',
  'console.mailQueue.retry.title': '„{subject}“ erneut versuchen?',
  'console.mailQueue.retry.body':
    'Sie wird jetzt erneut an {recipient} versandt und so oft versucht wie eine neue E-Mail. Tun Sie das, wenn die Ursache behoben ist. Der Grund wird mit Ihrem Namen vermerkt.',
  'console.mailQueue.retry.submit': 'Erneut versuchen',
}
