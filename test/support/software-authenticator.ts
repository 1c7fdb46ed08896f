import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto'
import { isoCBOR } from '@simplewebauthn/server/helpers'

/**
 * A passkey authenticator in software, as a browser and a phone together
 * would answer a site: an ES256 key pair made with node:crypto, a real
 * attestation (format `none`) when a passkey is made, and real signed
 * assertions after, with the user present and verified and a counter that
 * moves. One instance holds one passkey (one credential), for one site.
 */
export class SoftwareAuthenticator {
  readonly credentialId: string
  private readonly privateKey: KeyObject
  private readonly cosePublicKey: Uint8Array
  /** The counter the next assertion reports, unless told otherwise; 0 at creation. */
  counter = 0
  /** The user handle the site asked the passkey to keep, base64url; set when it is made. */
  userHandle: string | null = null

  constructor(readonly origin: string) {
    this.credentialId = randomBytes(16).toString('base64url')
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    this.privateKey = privateKey
    const jwk = publicKey.export({ format: 'jwk' })
    // COSE_Key (RFC 9053): kty EC2, alg ES256, crv P-256, x, y.
    this.cosePublicKey = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, new Uint8Array(Buffer.from(jwk.x!, 'base64url'))],
        [-3, new Uint8Array(Buffer.from(jwk.y!, 'base64url'))],
      ]),
    )
  }

  /** The site's RP ID: the origin's host. */
  get rpId(): string {
    return new URL(this.origin).hostname
  }

  /**
   * Answers registration options as `navigator.credentials.create(…).toJSON()`
   * would. The same credential offered again (to another account, say) keeps
   * the user it was first made for.
   */
  register(
    options: {
      readonly challenge: string
      readonly rp: { readonly id?: string }
      readonly user: { readonly id: string }
    },
    overrides: { readonly origin?: string; readonly userVerified?: boolean } = {},
  ) {
    this.userHandle ??= options.user.id
    const clientDataJSON = this.clientData('webauthn.create', options.challenge, overrides.origin)
    const credentialId = Buffer.from(this.credentialId, 'base64url')
    const length = Buffer.alloc(2)
    length.writeUInt16BE(credentialId.length)
    const authData = Buffer.concat([
      this.rpIdHash(options.rp.id),
      Buffer.from([flags({ attested: true, userVerified: overrides.userVerified ?? true })]),
      counterBytes(this.counter),
      Buffer.alloc(16), // AAGUID: none told, as with attestation "none"
      length,
      credentialId,
      this.cosePublicKey,
    ])
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Uint8Array | Map<string, string>>([
        ['fmt', 'none'],
        ['attStmt', new Map<string, string>()],
        ['authData', new Uint8Array(authData)],
      ]),
    )
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: 'public-key' as const,
      response: {
        clientDataJSON: clientDataJSON.toString('base64url'),
        attestationObject: Buffer.from(attestationObject).toString('base64url'),
        transports: ['internal', 'hybrid'],
      },
      authenticatorAttachment: 'platform' as const,
      clientExtensionResults: {},
    }
  }

  /**
   * Answers sign-in options as `navigator.credentials.get(…).toJSON()` would,
   * reporting the counter after moving it one forward (or `counter` as given).
   */
  assert(
    options: { readonly challenge: string; readonly rpId?: string },
    overrides: {
      readonly counter?: number
      readonly origin?: string
      readonly userHandle?: string
    } = {},
  ) {
    this.counter = overrides.counter ?? this.counter + 1
    const clientDataJSON = this.clientData('webauthn.get', options.challenge, overrides.origin)
    const authenticatorData = Buffer.concat([
      this.rpIdHash(options.rpId),
      Buffer.from([flags({ attested: false, userVerified: true })]),
      counterBytes(this.counter),
    ])
    const signature = sign(
      'sha256',
      Buffer.concat([authenticatorData, createHash('sha256').update(clientDataJSON).digest()]),
      this.privateKey,
    )
    const userHandle = overrides.userHandle ?? this.userHandle
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: 'public-key' as const,
      response: {
        clientDataJSON: clientDataJSON.toString('base64url'),
        authenticatorData: authenticatorData.toString('base64url'),
        signature: signature.toString('base64url'),
        ...(userHandle === null ? {} : { userHandle }),
      },
      authenticatorAttachment: 'platform' as const,
      clientExtensionResults: {},
    }
  }

  private clientData(type: string, challenge: string, origin = this.origin): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }))
  }

  private rpIdHash(rpId = this.rpId): Buffer {
    return createHash('sha256').update(rpId).digest()
  }
}

/** Authenticator data flags: user present (always), user verified, attested credential data included. */
function flags(options: { readonly attested: boolean; readonly userVerified: boolean }): number {
  return 0x01 | (options.userVerified ? 0x04 : 0) | (options.attested ? 0x40 : 0)
}

function counterBytes(counter: number): Buffer {
  const bytes = Buffer.alloc(4)
  bytes.writeUInt32BE(counter)
  return bytes
}
