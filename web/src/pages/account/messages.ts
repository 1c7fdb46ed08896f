import type { ExtendOf } from '../../i18n/catalogue'

/** The account page: profile, sessions, passkeys, linked identities. */
export const en = {
  'account.title': 'Your account',
  'account.profile': 'Profile',
  'account.name': 'Name',
  'account.email': 'Email',
  'account.country': 'Country',
  'account.timeZone': 'Time zone',
  'account.fixed':
    'The email and the country are not changed here: the email is what you sign in with, and the country decides where beta exams are offered.',
  'account.edit': 'Change your name or time zone',
  'account.editHelp':
    'Your name as it appears on the identity document you bring to the test centre. Times are shown on your time zone’s clock.',
  'account.firstName': 'First name',
  'account.lastName': 'Last name',
  'account.save': 'Save changes',
  'account.error.name':
    'Write the name as on your identity document: visible letters and signs only, no control or invisible characters, and not empty.',
  'account.error.timeZone': 'Choose a time zone from the list.',
  'account.saved': 'Saved. Your profile now reads {name}, {zone}.',
  'account.staff': 'You are signed in as staff ({role}); staff accounts have no candidate profile.',
  'account.sessions': 'Where you are signed in',
  'account.sessionsHelp':
    'Each browser you signed in on. End any you do not recognise or no longer use: it is signed out at once.',
  'account.session.current': 'This browser',
  'account.session.device': '{browser} on {system}',
  'account.session.unknownDevice': 'An unknown browser',
  'account.session.from': 'from {address}',
  'account.session.since': 'signed in {at}',
  'account.session.seen': 'last active {at}',
  'account.session.end': 'End this session',
  'account.session.ended': 'Session ended: that browser is signed out.',
  'account.session.endedList': 'Ended recently',
  'account.session.endedReason.signed-out': 'signed out',
  'account.session.endedReason.ended': 'ended from another session or by support',
  'account.session.endedReason.idle': 'ended after a time without use',
  'account.session.endedReason.expired': 'expired',
  'account.session.endedLine': '{device}, {reason} {at}',
  'account.passkeys': 'Passkeys',
  'account.passkeysHelp':
    'A passkey signs you in on its device without a mail. Remove one you lost or no longer use.',
  'account.noPasskeys': 'No passkeys on this account.',
  'account.passkey.added': 'added {day}',
  'account.passkey.used': 'last used {day}',
  'account.passkey.unused': 'not used yet',
  'account.passkey.remove': 'Remove',
  'account.passkey.removeTitle': 'Remove the passkey “{name}”?',
  'account.passkey.removeBody':
    'It will not sign you in any more. You can still sign in by mail, and add a passkey again later.',
  'account.passkey.keep': 'Keep it',
  'account.passkey.removeDo': 'Yes, remove it',
  'account.passkey.removed': 'The passkey “{name}” is removed.',
  'account.passkey.add': 'Add a passkey',
  'account.passkey.addHelp':
    'This device asks for your fingerprint, face or PIN, and keeps the passkey. Give it a name to know it by in the list.',
  'account.passkey.name': 'Name of the passkey',
  'account.passkey.addDo': 'Add a passkey on this device',
  'account.passkey.addedNow':
    'The passkey “{name}” is added: on this device, sign in with it instead of a mail.',
  'account.passkey.unsupported':
    'This browser cannot use passkeys. You can still sign in by mail, and add a passkey in another browser.',
  'account.identities': 'Linked identities',
  'account.identitiesHelp':
    'Sign-ins at your organisation’s identity provider that lead to this account.',
  'account.noIdentities': 'No outside identity is linked to this account.',
  'account.identity.line': '{issuer}: {subject}',
  'account.identity.linked': 'linked {day}',
} as const

export const de: ExtendOf<typeof en> = {
  'account.title': 'Ihr Konto',
  'account.profile': 'Profil',
  'account.name': 'Name',
  'account.email': 'E-Mail-Adresse',
  'account.country': 'Land',
  'account.timeZone': 'Zeitzone',
  'account.fixed':
    'E-Mail-Adresse und Land werden hier nicht geändert: Mit der E-Mail-Adresse melden Sie sich an, und das Land entscheidet, wo Beta-Prüfungen angeboten werden.',
  'account.edit': 'Namen oder Zeitzone ändern',
  'account.editHelp':
    'Ihr Name so, wie er auf dem Ausweis steht, den Sie ins Testzentrum mitbringen. Zeiten werden nach der Uhr Ihrer Zeitzone angezeigt.',
  'account.firstName': 'Vorname',
  'account.lastName': 'Nachname',
  'account.save': 'Änderungen speichern',
  'account.error.name':
    'Schreiben Sie den Namen wie auf Ihrem Ausweis: nur sichtbare Buchstaben und Zeichen, ohne Steuer- oder unsichtbare Zeichen, und nicht leer.',
  'account.error.timeZone': 'Wählen Sie eine Zeitzone aus der Liste.',
  'account.saved': 'Gespeichert. Ihr Profil lautet jetzt {name}, {zone}.',
  'account.staff':
    'Sie sind als Personal angemeldet ({role}); Konten des Personals haben kein Kandidatenprofil.',
  'account.sessions': 'Wo Sie angemeldet sind',
  'account.sessionsHelp':
    'Jeder Browser, in dem Sie sich angemeldet haben. Beenden Sie jede Sitzung, die Sie nicht kennen oder nicht mehr brauchen: Der Browser ist sofort abgemeldet.',
  'account.session.current': 'Dieser Browser',
  'account.session.device': '{browser} unter {system}',
  'account.session.unknownDevice': 'Ein unbekannter Browser',
  'account.session.from': 'von {address}',
  'account.session.since': 'angemeldet am {at}',
  'account.session.seen': 'zuletzt aktiv am {at}',
  'account.session.end': 'Diese Sitzung beenden',
  'account.session.ended': 'Sitzung beendet: Dieser Browser ist abgemeldet.',
  'account.session.endedList': 'Kürzlich beendet',
  'account.session.endedReason.signed-out': 'abgemeldet',
  'account.session.endedReason.ended': 'von einer anderen Sitzung oder vom Support beendet',
  'account.session.endedReason.idle': 'nach einer Zeit ohne Nutzung beendet',
  'account.session.endedReason.expired': 'abgelaufen',
  'account.session.endedLine': '{device}, {reason} am {at}',
  'account.passkeys': 'Passkeys',
  'account.passkeysHelp':
    'Ein Passkey meldet Sie auf seinem Gerät ohne Mail an. Entfernen Sie einen, den Sie verloren haben oder nicht mehr nutzen.',
  'account.noPasskeys': 'Dieses Konto hat keine Passkeys.',
  'account.passkey.added': 'hinzugefügt am {day}',
  'account.passkey.used': 'zuletzt verwendet am {day}',
  'account.passkey.unused': 'noch nicht verwendet',
  'account.passkey.remove': 'Entfernen',
  'account.passkey.removeTitle': 'Den Passkey „{name}“ entfernen?',
  'account.passkey.removeBody':
    'Er meldet Sie dann nicht mehr an. Per Mail können Sie sich weiter anmelden, und später wieder einen Passkey hinzufügen.',
  'account.passkey.keep': 'Behalten',
  'account.passkey.removeDo': 'Ja, entfernen',
  'account.passkey.removed': 'Der Passkey „{name}“ ist entfernt.',
  'account.passkey.add': 'Einen Passkey hinzufügen',
  'account.passkey.addHelp':
    'Dieses Gerät fragt nach Ihrem Fingerabdruck, Ihrem Gesicht oder Ihrer PIN und bewahrt den Passkey auf. Geben Sie ihm einen Namen, an dem Sie ihn in der Liste erkennen.',
  'account.passkey.name': 'Name des Passkeys',
  'account.passkey.addDo': 'Passkey auf diesem Gerät hinzufügen',
  'account.passkey.addedNow':
    'Der Passkey „{name}“ ist hinzugefügt: Melden Sie sich auf diesem Gerät damit statt per Mail an.',
  'account.passkey.unsupported':
    'Dieser Browser kann keine Passkeys verwenden. Per Mail können Sie sich weiter anmelden, und einen Passkey in einem anderen Browser hinzufügen.',
  'account.identities': 'Verknüpfte Identitäten',
  'account.identitiesHelp':
    'Anmeldungen beim Identitätsanbieter Ihrer Organisation, die zu diesem Konto führen.',
  'account.noIdentities': 'Mit diesem Konto ist keine externe Identität verknüpft.',
  'account.identity.line': '{issuer}: {subject}',
  'account.identity.linked': 'verknüpft am {day}',
}
