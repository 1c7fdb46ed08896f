import { en as codes } from '../../codes/messages'
import { en as codeSentences } from '../../codes/sentence-messages'
import { en as decisions } from '../../decisions/messages'
import { en as account } from '../../pages/account/messages'
import { en as book } from '../../pages/book/messages'
import { en as consoleAct } from '../../pages/console/act/messages'
import { en as consoleAdmin } from '../../pages/console/admin/messages'
import { en as betas } from '../../pages/console/betas/messages'
import { en as consoleCandidate } from '../../pages/console/candidate/messages'
import { en as consoleMail } from '../../pages/console/mail/messages'
import { en as staffConsole } from '../../pages/console/messages'
import { en as consoleQueue } from '../../pages/console/queue/messages'
import { en as reports } from '../../pages/console/reports/messages'
import { en as exam } from '../../pages/exam/messages'
import { en as exception } from '../../pages/exception-request/messages'
import { en as home } from '../../pages/home/messages'
import { en as registration } from '../../pages/registration/messages'
import { en as seats } from '../../pages/seats/messages'
import { en as passkeys } from '../../passkeys/messages'

/** The English messages: the catalogue every other language is checked against (ICU message syntax). */
export const en = {
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
  'common.loading': 'Loading…',
  // The candidate spoken of when their record gives no first name (see reader.tsx).
  'reader.theCandidate': 'the candidate',
  'layout.skip': 'Skip to the content',
  'layout.nav': 'Main',
  'layout.home': 'Home',
  'layout.account': 'Account',
  'layout.signOut': 'Sign out',
  'layout.language': 'Language',
  'layout.help': 'Help',
  'layout.helpLine': 'Questions about a booking, a code or a result? Help is here on every page.',
  'time.yourClock': '(your time: {time})',
  'signIn.title': 'Sign in',
  'signIn.emailIntro':
    'Type the email of your examdesk account. We send it a sign-in mail with a link and a code; there is no password.',
  'signIn.email': 'Email',
  'signIn.sendMail': 'Send me a sign-in mail',
  'signIn.mailSent':
    'If {email} has an examdesk account, a mail is on its way to it. Type the code from the mail here, or open its link. Both work once, for 15 minutes.',
  'signIn.code': 'Code from the mail',
  'signIn.signIn': 'Sign in',
  'signIn.otherEmail': 'Use another email',
  'signIn.passkeyIntro':
    'Added a passkey to your account on this device? Sign in with it instead of a mail.',
  'signIn.passkey': 'Sign in with a passkey',
  'signIn.noAccount': 'No account yet?',
  'signIn.makeAccount': 'Make one',
  'signUp.title': 'Make an account',
  'signUp.intro':
    'Your name as it appears on the identity document you bring to the test centre. If you have taken an exam with us before, use the same email: your history comes with it.',
  'signUp.firstName': 'First name',
  'signUp.lastName': 'Last name',
  'signUp.country': 'Country you live in',
  'signUp.timeZone': 'Your time zone',
  'signUp.submit': 'Make my account',
  'signUp.haveAccount': 'Already have an account?',
  'appointment.when': 'When',
  'appointment.where': 'Where',
  'appointment.changeUntil': 'Changes',
  'appointment.deadlines': 'Reschedule until {reschedule}; cancel until {cancel}',
  'appointment.due': 'To pay',
  'appointment.dueBy': '{amount}, by {until}, or the seat is released',
  'notFound.title': 'No such page',
  'notFound.body': 'This address leads to no page of examdesk. It may have been mistyped.',
  'help.title': 'Help',
  'help.signInTitle': 'Signing in',
  'help.signIn':
    'Ask for a sign-in mail with the email of your account. The mail has a link and a code; either works once, for 15 minutes. Ask again for a new one at any time.',
  'help.bookingTitle': 'Booking and changing',
  'help.booking':
    'Each seat says until when a booking on it can be rescheduled or cancelled, on the test centre’s clock, before you choose it. The same deadlines are on your booking’s page and in its mail.',
  'help.codesTitle': 'Codes and vouchers',
  'help.codes':
    'Type a code in the booking form: before anything is booked it shows what the code does, what it keeps and what it would give up.',
  'help.contactTitle': 'Talking to a person',
  'help.contact':
    'Support can see everything on your account and act for you by phone; they tell you their name, and every change they make is shown to you with it.',
  'problem.network': 'examdesk could not be reached. Check the connection and try again.',
  'problem.REAUTHENTICATION_REQUIRED':
    'For your safety, changing your email, passkeys, linked identities or other sessions needs a sign-in within the last {withinMinutes} minutes. Nothing was changed.',
  'problem.CHANGE_WINDOW_CLOSED':
    '{provider} accepts {change, select, reschedule {a move to another time} other {a cancellation}} up to {cutoffHours, plural, one {# hour} other {# hours}} before the appointment. That deadline has passed, so nothing was changed.',
  'problem.signInAgain': 'Sign in again, then come back here',
} as const

export type MessageId = keyof typeof en
