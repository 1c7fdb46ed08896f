import type { Kysely } from 'kysely'
import { findExam } from '../../db/catalogue/exams.js'
import {
  findProvider,
  listProviderExams,
  setProviderExams as storeExams,
} from '../../db/catalogue/providers.js'
import type { DB } from '../../db/engine/schema.js'
import type { ExamNumber } from '../../domain/exam-number.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { requireExamNumber } from '../input-fields.js'
import { runCommand } from '../run-command.js'
import type { ProviderView } from './provider-view.js'

/**
 * Replaces the exams a provider delivers. Either spelling of a number is
 * accepted; every exam must be in the catalogue. Seat searches and bookings
 * read this list, so an exam taken off it stops being offered at once.
 */
export async function setProviderExams(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  providerId: string,
  exams: readonly string[],
): Promise<ProviderView> {
  const numbers: ExamNumber[] = exams.map((text, i) => requireExamNumber(text, `exams.${i}`))
  return runCommand(deps, {}, async (trx) => {
    const provider = await findProvider(trx, providerId)
    if (!provider) throw new AppError('PROVIDER_NOT_FOUND', { field: 'id', providerId })
    for (const [i, number] of numbers.entries()) {
      if (!(await findExam(trx, number)))
        throw new AppError('EXAM_NOT_FOUND', { field: `exams.${i}`, exam: number })
    }
    await storeExams(trx, providerId, numbers)
    return { ...provider, exams: await listProviderExams(trx, providerId) }
  })
}
