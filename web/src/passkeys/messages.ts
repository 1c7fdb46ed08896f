import type { ExtendOf } from '../i18n/catalogue'

/** Passkeys: why the browser's prompt ended without one, and the API's refusals about them. */
export const en = {
  'passkey.add.cancelled':
    'No passkey was added: the prompt was closed or timed out. Try again when you are ready.',
  'passkey.add.already-added':
    'This device already holds a passkey for your account: it is in the list above.',
  'passkey.add.wrong-address':
    'Passkeys do not work at this address ({host}). Open examdesk at its usual address and add one there.',
  'passkey.add.failed':
    'The browser or the device could not make a passkey. Try again, or use another device.',
  'passkey.sign-in.cancelled':
    'No passkey was used: the prompt was closed or timed out, or this device has no passkey for examdesk. Try again, or sign in by mail.',
  'passkey.sign-in.wrong-address':
    'Passkeys do not work at this address ({host}). Open examdesk at its usual address, or sign in by mail.',
  'passkey.sign-in.failed': 'The browser could not use a passkey. Try again, or sign in by mail.',
  'problem.PASSKEY_NOT_ACCEPTED':
    'This passkey does not sign in here: it is unknown or was removed. Try again, or sign in by mail.',
  'problem.PASSKEY_CHALLENGE_INVALID': 'That took too long. Try again.',
  'problem.PASSKEY_REGISTRATION_INVALID':
    'The passkey could not be checked (it must be made with your fingerprint, face or PIN): nothing was added.',
  'problem.PASSKEY_ALREADY_ADDED':
    'This passkey is on an account already: one passkey signs in one account. Nothing was added.',
} as const

export const de: ExtendOf<typeof en> = {
  'passkey.add.cancelled':
    'Es wurde kein Passkey hinzugefügt: Die Abfrage wurde geschlossen oder ist abgelaufen. Versuchen Sie es erneut, wenn Sie so weit sind.',
  'passkey.add.already-added':
    'Dieses Gerät hat schon einen Passkey für Ihr Konto: Er steht in der Liste oben.',
  'passkey.add.wrong-address':
    'Unter dieser Adresse ({host}) funktionieren Passkeys nicht. Öffnen Sie examdesk unter der gewohnten Adresse und fügen Sie ihn dort hinzu.',
  'passkey.add.failed':
    'Der Browser oder das Gerät konnte keinen Passkey anlegen. Versuchen Sie es erneut oder nehmen Sie ein anderes Gerät.',
  'passkey.sign-in.cancelled':
    'Es wurde kein Passkey verwendet: Die Abfrage wurde geschlossen oder ist abgelaufen, oder dieses Gerät hat keinen Passkey für examdesk. Versuchen Sie es erneut oder melden Sie sich per Mail an.',
  'passkey.sign-in.wrong-address':
    'Unter dieser Adresse ({host}) funktionieren Passkeys nicht. Öffnen Sie examdesk unter der gewohnten Adresse oder melden Sie sich per Mail an.',
  'passkey.sign-in.failed':
    'Der Browser konnte keinen Passkey verwenden. Versuchen Sie es erneut oder melden Sie sich per Mail an.',
  'problem.PASSKEY_NOT_ACCEPTED':
    'Dieser Passkey meldet hier nicht an: Er ist unbekannt oder wurde entfernt. Versuchen Sie es erneut oder melden Sie sich per Mail an.',
  'problem.PASSKEY_CHALLENGE_INVALID': 'Das hat zu lange gedauert. Versuchen Sie es erneut.',
  'problem.PASSKEY_REGISTRATION_INVALID':
    'Der Passkey konnte nicht geprüft werden (er muss mit Fingerabdruck, Gesicht oder PIN angelegt werden): Es wurde nichts hinzugefügt.',
  'problem.PASSKEY_ALREADY_ADDED':
    'Dieser Passkey gehört schon zu einem Konto: Ein Passkey meldet ein Konto an. Es wurde nichts hinzugefügt.',
}
