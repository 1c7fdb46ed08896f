import { describe, expect, it } from 'vitest'
import { insertWaiver, listOpenWaivers, markWaiverUsed } from '../../src/db/waivers.js'
import { HOUR_MS } from '../../src/domain/instant.js'
import {
  createAttempt,
  createCandidate,
  createExam,
  createFamily,
  FACTORY_EPOCH,
} from '../factories/catalogue.js'
import { testDatabases, useFreshDatabase } from '../support/databases.js'

describe.each(testDatabases())('waivers on $name', ({ open }) => {
  const db = useFreshDatabase(open)

  async function scene() {
    await createFamily(db())
    const exam = await createExam(db(), { number: '070-620' })
    const otherExam = await createExam(db(), { number: '070-621' })
    const candidate = await createCandidate(db())
    const otherCandidate = await createCandidate(db())
    const base = { candidateId: candidate.id, exam: exam.number, note: 'Centre power cut' }
    await insertWaiver(db(), {
      ...base,
      id: 'w-later',
      waivesWait: false,
      waivesLimit: true,
      grantedAt: FACTORY_EPOCH + HOUR_MS,
    })
    await insertWaiver(db(), {
      ...base,
      id: 'w-first',
      waivesWait: true,
      waivesLimit: false,
      grantedAt: FACTORY_EPOCH,
    })
    await insertWaiver(db(), {
      ...base,
      id: 'w-other-exam',
      exam: otherExam.number,
      waivesWait: true,
      waivesLimit: true,
      grantedAt: FACTORY_EPOCH,
    })
    await insertWaiver(db(), {
      ...base,
      id: 'w-other-candidate',
      candidateId: otherCandidate.id,
      waivesWait: true,
      waivesLimit: true,
      grantedAt: FACTORY_EPOCH,
    })
    const attempt = await createAttempt(db(), { candidateId: candidate.id, exam: exam.number })
    return { candidate, exam, attempt }
  }

  it("list a candidate's open waivers for one exam, oldest first", async () => {
    const { candidate, exam } = await scene()
    expect(await listOpenWaivers(db(), candidate.id, exam.number)).toEqual([
      {
        id: 'w-first',
        exam: '070-620',
        waivesWait: true,
        waivesLimit: false,
        grantedAt: FACTORY_EPOCH,
      },
      {
        id: 'w-later',
        exam: '070-620',
        waivesWait: false,
        waivesLimit: true,
        grantedAt: FACTORY_EPOCH + HOUR_MS,
      },
    ])
  })

  it('use a waiver once only: the second use reports false and changes nothing', async () => {
    const { candidate, exam, attempt } = await scene()
    const second = await createAttempt(db(), { candidateId: candidate.id, exam: exam.number })
    expect(await markWaiverUsed(db(), 'w-first', attempt.id)).toBe(true)
    expect(await markWaiverUsed(db(), 'w-first', second.id)).toBe(false)
    expect(await markWaiverUsed(db(), 'no-such-waiver', attempt.id)).toBe(false)

    const used = await db()
      .selectFrom('waivers')
      .select('used_by_attempt_id')
      .where('id', '=', 'w-first')
      .executeTakeFirstOrThrow()
    expect(used.used_by_attempt_id).toBe(attempt.id)
    expect((await listOpenWaivers(db(), candidate.id, exam.number)).map((w) => w.id)).toEqual([
      'w-later',
    ])
  })
})
