import { Type } from 'typebox'
import { MAX_PASSKEY_NAME_LENGTH, type Passkey } from '../../domain/passkey.js'
import { InstantText, toInstantOut } from './instant.js'
import { Nullable } from './nullable.js'

/** base64url text, as WebAuthn's JSON forms carry bytes. */
const Base64Url = (description: string, maxLength = 4096) =>
  Type.String({ minLength: 1, maxLength, pattern: '^[A-Za-z0-9_-]+={0,2}$', description })

const Transports = Type.Array(Type.String({ maxLength: 32 }), {
  maxItems: 10,
  description: 'How the browser reached the authenticator (internal, hybrid, usb, nfc, ble …)',
})

const CredentialDescriptor = Type.Object({
  id: Base64Url('A credential id'),
  type: Type.Optional(Type.String()),
  transports: Type.Optional(Transports),
})

export const PasskeyRegistrationOptionsOut = Type.Object(
  {
    challenge: Base64Url('Spent by the answer; good for 5 minutes, once'),
    rp: Type.Object({ id: Type.Optional(Type.String()), name: Type.String() }),
    user: Type.Object({ id: Type.String(), name: Type.String(), displayName: Type.String() }),
    pubKeyCredParams: Type.Array(Type.Object({ alg: Type.Integer(), type: Type.String() })),
    timeout: Type.Optional(Type.Integer()),
    excludeCredentials: Type.Optional(Type.Array(CredentialDescriptor)),
    authenticatorSelection: Type.Optional(
      Type.Object({
        residentKey: Type.Optional(Type.String()),
        requireResidentKey: Type.Optional(Type.Boolean()),
        userVerification: Type.Optional(Type.String()),
        authenticatorAttachment: Type.Optional(Type.String()),
      }),
    ),
    attestation: Type.Optional(Type.String()),
    hints: Type.Optional(Type.Array(Type.String())),
    extensions: Type.Optional(Type.Object({}, { additionalProperties: true })),
  },
  {
    description:
      'PublicKeyCredentialCreationOptionsJSON: hand it to navigator.credentials.create (PublicKeyCredential.parseCreationOptionsFromJSON)',
  },
)

export const PasskeySignInOptionsOut = Type.Object(
  {
    challenge: Base64Url('Spent by the answer; good for 5 minutes, once'),
    rpId: Type.Optional(Type.String()),
    timeout: Type.Optional(Type.Integer()),
    allowCredentials: Type.Optional(Type.Array(CredentialDescriptor)),
    userVerification: Type.Optional(Type.String()),
    hints: Type.Optional(Type.Array(Type.String())),
    extensions: Type.Optional(Type.Object({}, { additionalProperties: true })),
  },
  {
    description:
      'PublicKeyCredentialRequestOptionsJSON: hand it to navigator.credentials.get (PublicKeyCredential.parseRequestOptionsFromJSON)',
  },
)

const ClientExtensionResults = Type.Object(
  {},
  { additionalProperties: true, maxProperties: 20, description: 'As the browser gave them' },
)

const AuthenticatorAttachment = Type.Optional(
  Type.Union([Type.Literal('platform'), Type.Literal('cross-platform')]),
)

/** What `navigator.credentials.create` gave, as `PublicKeyCredential.toJSON()` writes it. */
const RegistrationResponse = Type.Object({
  id: Base64Url('The new credential id', 1024),
  rawId: Base64Url('The new credential id', 1024),
  type: Type.Literal('public-key'),
  response: Type.Object({
    clientDataJSON: Base64Url('The client data the authenticator signed over'),
    attestationObject: Base64Url('The attestation (format none is enough)', 16384),
    authenticatorData: Type.Optional(Base64Url('Authenticator data', 16384)),
    transports: Type.Optional(Transports),
    publicKeyAlgorithm: Type.Optional(Type.Integer()),
    publicKey: Type.Optional(Base64Url('The public key, SPKI', 16384)),
  }),
  authenticatorAttachment: AuthenticatorAttachment,
  clientExtensionResults: ClientExtensionResults,
})

export const AddPasskeyBody = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: MAX_PASSKEY_NAME_LENGTH,
      examples: ['Laptop'],
      description: 'A name to know it by in the list',
    }),
    credential: RegistrationResponse,
  },
  { additionalProperties: false },
)

/** What `navigator.credentials.get` gave, as `PublicKeyCredential.toJSON()` writes it. */
export const PasskeySignInBody = Type.Object({
  id: Base64Url('The credential id', 1024),
  rawId: Base64Url('The credential id', 1024),
  type: Type.Literal('public-key'),
  response: Type.Object({
    clientDataJSON: Base64Url('The client data the authenticator signed over'),
    authenticatorData: Base64Url('Authenticator data, with the counter'),
    signature: Base64Url('The signature over the authenticator and client data'),
    userHandle: Type.Optional(Base64Url('The account the passkey was made for', 256)),
  }),
  authenticatorAttachment: AuthenticatorAttachment,
  clientExtensionResults: ClientExtensionResults,
})

export const PasskeyOut = Type.Object({
  id: Type.String(),
  name: Type.String(),
  createdAt: InstantText,
  lastUsedAt: Nullable(Type.String({ description: 'The last sign-in with it' })),
  transports: Transports,
})

export function toPasskeyOut(passkey: Passkey) {
  return {
    id: passkey.id,
    name: passkey.name,
    createdAt: toInstantOut(passkey.createdAt),
    lastUsedAt: passkey.lastUsedAt === null ? null : toInstantOut(passkey.lastUsedAt),
    transports: [...passkey.transports],
  }
}
