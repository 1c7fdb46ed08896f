import { browserSupportsWebAuthn } from '@simplewebauthn/browser'

/**
 * Why the browser's side of a passkey (its WebAuthn prompt) ended without
 * one, in the terms a person can act on:
 * - `cancelled`: the prompt was closed, timed out or was refused
 *   (`NotAllowedError`, which browsers also give when the device has no
 *   passkey for this site, and `AbortError`);
 * - `already-added`: this device holds a passkey of this account already
 *   (`InvalidStateError`, adding only);
 * - `wrong-address`: this address cannot have passkeys (`SecurityError`:
 *   an IP address, or not the site's own address);
 * - `failed`: anything else the browser or the device gave.
 */
export type CeremonyRefusal = 'cancelled' | 'already-added' | 'wrong-address' | 'failed'

/** The browser's prompt ended without a passkey: said by its refusal, never by the browser's own text. */
export class CeremonyFailed extends Error {
  constructor(readonly refusal: CeremonyRefusal) {
    super(`passkey prompt: ${refusal}`)
  }
}

/** Whether this browser has WebAuthn at all: without it, no passkey is offered. */
export function passkeysSupported(): boolean {
  return browserSupportsWebAuthn()
}

/** Runs the browser's prompt; whatever it throws becomes a CeremonyFailed. */
export async function runCeremony<T>(prompt: () => Promise<T>): Promise<T> {
  try {
    return await prompt()
  } catch (error) {
    throw new CeremonyFailed(refusalOf(error))
  }
}

/** The browser's answer as the API takes it: its extension outputs are any JSON object. */
export function asSent<T extends { clientExtensionResults: object }>(
  answer: T,
): T & { clientExtensionResults: Record<string, unknown> } {
  const outputs: Record<string, unknown> = Object.fromEntries(
    Object.entries(answer.clientExtensionResults),
  )
  return { ...answer, clientExtensionResults: outputs }
}

function refusalOf(error: unknown): CeremonyRefusal {
  // @simplewebauthn/browser keeps the DOMException's name on its own errors.
  const name = error instanceof Error ? error.name : ''
  if (name === 'NotAllowedError' || name === 'AbortError') return 'cancelled'
  if (name === 'InvalidStateError') return 'already-added'
  if (name === 'SecurityError') return 'wrong-address'
  return 'failed'
}
