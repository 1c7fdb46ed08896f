import type { Actor } from '../actor.js'
import type { AppDeps } from '../app-deps.js'
import { catalogueIn } from '../catalogue/catalogue-cache.js'
import { book } from './register.js'
import type { RegisterInput } from './register-input.js'
import type { RegistrationView } from './registration-view.js'

const ROLL_BACK = Symbol('roll back')

/**
 * Makes a registration through the real path (policy, programme, codes,
 * seats, every write) and rolls it all back: the self-check that shows a
 * wave's invitation code really books before anyone is invited.
 */
export async function dryRunRegistration(
  deps: AppDeps,
  input: RegisterInput,
  actor: Actor,
  rehearsing: { readonly waveId: string },
): Promise<RegistrationView> {
  const now = deps.clock.now()
  let view: RegistrationView | undefined
  try {
    await deps.db.transaction().execute(async (trx) => {
      let last: (() => Promise<void>) | undefined
      const command = {
        catalogue: catalogueIn(deps, trx),
        afterAnswer: (writes: () => Promise<void>) => {
          last = writes
        },
        // A rehearsal has no key to claim.
        takeKeyClaim: () => null,
      }
      view = await book(trx, command, deps, {
        input,
        actor,
        now,
        rehearsedWaveId: rehearsing.waveId,
      })
      await last?.()
      throw ROLL_BACK
    })
  } catch (error) {
    if (error !== ROLL_BACK) throw error
  }
  if (!view) throw new Error('A dry-run registration ended without an answer')
  return view
}
