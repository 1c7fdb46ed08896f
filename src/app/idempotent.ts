import { createHash } from 'node:crypto'

export interface IdempotencyKey {
  /** The caller's token: keys are per caller, so two clients cannot collide. */
  readonly principalId: string
  readonly key: string
}

export interface Idempotent<T> {
  readonly result: T
  /** True when this is the stored first answer to an earlier request with the key. */
  readonly replayed: boolean
}

/** A fingerprint of what was asked, to tell a retry from a different request under the same key. */
export function hashRequest(operation: string, input: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([operation, input]))
    .digest('hex')
}
