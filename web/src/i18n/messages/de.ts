import { de as codes } from '../../codes/messages'
import { de as codeSentences } from '../../codes/sentence-messages'
import { de as decisions } from '../../decisions/messages'
import { de as account } from '../../pages/account/messages'
import { de as book } from '../../pages/book/messages'
import { de as consoleAct } from '../../pages/console/act/messages'
import { de as consoleAdmin } from '../../pages/console/admin/messages'
import { de as betas } from '../../pages/console/betas/messages'
import { de as consoleCandidate } from '../../pages/console/candidate/messages'
import { de as consoleMail } from '../../pages/console/mail/messages'
import { de as staffConsole } from '../../pages/console/messages'
import { de as consoleQueue } from '../../pages/console/queue/messages'
import { de as reports } from '../../pages/console/reports/messages'
import { de as exam } from '../../pages/exam/messages'
import { de as exception } from '../../pages/exception-request/messages'
import { de as home } from '../../pages/home/messages'
import { de as registration } from '../../pages/registration/messages'
import { de as seats } from '../../pages/seats/messages'
import { de as passkeys } from '../../passkeys/messages'
import type { MessageId } from './en'

/** German: every English message has its German one, or the build fails. */
export const de: Readonly<Record<MessageId, string>> = {
  ...codes,
  ...codeSentences,
  ...staffConsole,
  ...consoleCandidate,
  ...consoleMail,
  ...consoleAdmin,
  ...betas,
  ...consoleAct,
  ...consoleQueue,
  ...reports,
  ...book,
  ...decisions,
  ...exam,
  ...account,
  ...exception,
  ...home,
  ...registration,
  ...passkeys,
  ...seats,
  'common.loading': 'Wird geladen …',
  'reader.theCandidate': 'Prüfling {id}',
  'layout.skip': 'Zum Inhalt springen',
  'layout.nav': 'Hauptnavigation',
  'layout.home': 'Start',
  'layout.account': 'Konto',
  'layout.signOut': 'Abmelden',
  'layout.language': 'Sprache',
  'layout.help': 'Hilfe',
  'layout.helpLine':
    'Fragen zu einer Buchung, einem Code oder einem Ergebnis? Die Hilfe finden Sie auf jeder Seite hier.',
  'time.yourClock': '(Ihre Zeit: {time})',
  'signIn.title': 'Anmelden',
  'signIn.emailIntro':
    'Geben Sie die E-Mail-Adresse Ihres examdesk-Kontos ein. Wir senden ihr eine Anmelde-Mail mit einem Link und einem Code; ein Passwort gibt es nicht.',
  'signIn.email': 'E-Mail-Adresse',
  'signIn.sendMail': 'Anmelde-Mail senden',
  'signIn.mailSent':
    'Wenn {email} ein examdesk-Konto hat, ist eine Mail dorthin unterwegs. Geben Sie den Code aus der Mail hier ein oder öffnen Sie ihren Link. Beides gilt einmal, 15 Minuten lang.',
  'signIn.code': 'Code aus der Mail',
  'signIn.signIn': 'Anmelden',
  'signIn.otherEmail': 'Andere E-Mail-Adresse verwenden',
  'signIn.passkeyIntro':
    'Haben Sie auf diesem Gerät einen Passkey zu Ihrem Konto hinzugefügt? Melden Sie sich damit statt per Mail an.',
  'signIn.passkey': 'Mit einem Passkey anmelden',
  'signIn.noAccount': 'Noch kein Konto?',
  'signIn.makeAccount': 'Konto anlegen',
  'signUp.title': 'Konto anlegen',
  'signUp.intro':
    'Ihr Name so, wie er auf dem Ausweis steht, den Sie ins Testzentrum mitbringen. Wenn Sie schon eine Prüfung bei uns abgelegt haben, nehmen Sie dieselbe E-Mail-Adresse: Ihre bisherigen Prüfungen kommen mit.',
  'signUp.firstName': 'Vorname',
  'signUp.lastName': 'Nachname',
  'signUp.country': 'Land, in dem Sie leben',
  'signUp.timeZone': 'Ihre Zeitzone',
  'signUp.submit': 'Konto anlegen',
  'signUp.haveAccount': 'Sie haben schon ein Konto?',
  'appointment.when': 'Wann',
  'appointment.where': 'Wo',
  'appointment.changeUntil': 'Änderungen',
  'appointment.deadlines': 'Umbuchen bis {reschedule}; stornieren bis {cancel}',
  'appointment.due': 'Zu zahlen',
  'appointment.dueBy': '{amount}, bis {until}, sonst wird der Platz freigegeben',
  'notFound.title': 'Diese Seite gibt es nicht',
  'notFound.body':
    'Diese Adresse führt zu keiner Seite von examdesk. Vielleicht wurde sie falsch eingegeben.',
  'help.title': 'Hilfe',
  'help.signInTitle': 'Anmelden',
  'help.signIn':
    'Fordern Sie mit der E-Mail-Adresse Ihres Kontos eine Anmelde-Mail an. Die Mail enthält einen Link und einen Code; beide gelten einmal, 15 Minuten lang. Sie können jederzeit eine neue anfordern.',
  'help.bookingTitle': 'Buchen und ändern',
  'help.booking':
    'Jeder Platz nennt, bevor Sie ihn wählen, bis wann eine Buchung umgebucht oder storniert werden kann, nach der Uhr des Testzentrums. Dieselben Fristen stehen auf der Seite Ihrer Buchung und in ihrer Mail.',
  'help.codesTitle': 'Codes und Gutscheine',
  'help.codes':
    'Geben Sie einen Code im Buchungsformular ein: Bevor etwas gebucht wird, sehen Sie, was er bewirkt, was er behält und was er aufgeben würde.',
  'help.contactTitle': 'Mit einem Menschen sprechen',
  'help.contact':
    'Der Support sieht alles in Ihrem Konto und kann telefonisch für Sie handeln; er nennt Ihnen seinen Namen, und jede Änderung wird Ihnen mit diesem Namen angezeigt.',
  'problem.network':
    'examdesk ist nicht erreichbar. Prüfen Sie die Verbindung und versuchen Sie es noch einmal.',
  'problem.REAUTHENTICATION_REQUIRED':
    'Zu Ihrer Sicherheit ist für Änderungen an Ihrer E-Mail-Adresse, Ihren Passkeys, verknüpften Identitäten oder anderen Sitzungen eine Anmeldung innerhalb der letzten {withinMinutes} Minuten nötig. Es wurde nichts geändert.',
  'problem.CHANGE_WINDOW_CLOSED':
    '{provider} nimmt {change, select, reschedule {ein Verlegen auf einen anderen Termin} other {eine Stornierung}} bis {cutoffHours, plural, one {# Stunde} other {# Stunden}} vor dem Termin an. Diese Frist ist abgelaufen, daher wurde nichts geändert.',
  'problem.signInAgain': 'Erneut anmelden und hierher zurückkehren',
}
