import type { Provider } from './provider.js'
import type { Slot, TestCentre } from './test-centre.js'

/**
 * Where and when a registration is and whose rules hold for it: the slot,
 * its centre and the centre's provider, read together.
 */
export interface Appointment {
  readonly slot: Slot
  readonly centre: TestCentre
  readonly provider: Provider
}
