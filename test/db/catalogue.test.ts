import { describe, expect, it } from 'vitest'
import { insertFamily, listFamilies } from '../../src/db/catalogue/exam-families.js'
import { countExams, findExam, insertExam, listExams } from '../../src/db/catalogue/exams.js'
import { findProvider, insertProvider, listProviders } from '../../src/db/catalogue/providers.js'
import { insertPolicyVersion, listPolicyVersions } from '../../src/db/retakes/policy-versions.js'
import { parseInstant } from '../../src/domain/instant.js'
import type { PolicyVersion } from '../../src/domain/policy-version.js'
import { createExam, createFamily, FACTORY_EPOCH } from '../factories/catalogue.js'
import { testDatabases, useFreshDatabase } from '../support/databases.js'

const at = (text: string) => parseInstant(text)!

describe.each(testDatabases())('catalogue queries on $name', ({ open }) => {
  const db = useFreshDatabase(open)

  it('store families with their prefixes and list them by id', async () => {
    await insertFamily(db(), {
      id: 'general',
      name: 'General',
      prefixes: ['070', '098'],
      policyId: 'general',
    })
    await insertFamily(db(), { id: 'beta', name: 'Beta', prefixes: ['071'], policyId: 'beta' })
    await insertFamily(db(), { id: 'empty', name: 'No prefixes yet', prefixes: [], policyId: 'x' })
    expect(await listFamilies(db())).toEqual([
      { id: 'beta', name: 'Beta', prefixes: ['071'], policyId: 'beta' },
      { id: 'empty', name: 'No prefixes yet', prefixes: [], policyId: 'x' },
      { id: 'general', name: 'General', prefixes: ['070', '098'], policyId: 'general' },
    ])
  })

  it('store policy versions and list them by policy, effective date and version', async () => {
    const v1: PolicyVersion = {
      policyId: 'general',
      version: 1,
      name: 'General',
      effectiveFrom: at('2020-01-01T00:00:00Z'),
      kind: 'standard',
      waitHours: [24, 336],
      attemptLimit: 5,
      periodMonths: 12,
      retakeAfterPass: false,
    }
    const v2: PolicyVersion = {
      ...v1,
      version: 2,
      effectiveFrom: at('2026-07-01T00:00:00.123Z'),
      waitHours: [24, 336, 720],
      attemptLimit: null,
      retakeAfterPass: true,
    }
    const beta: PolicyVersion = {
      ...v1,
      policyId: 'beta',
      name: 'Beta',
      kind: 'beta',
      waitHours: [],
      attemptLimit: 1,
      periodMonths: 0,
    }
    for (const version of [v2, beta, v1]) await insertPolicyVersion(db(), version)
    expect(await listPolicyVersions(db())).toEqual([beta, v1, v2])
    expect(await listPolicyVersions(db(), 'general')).toEqual([v1, v2])
    expect(await listPolicyVersions(db(), 'none')).toEqual([])
  })

  it('store an exam and find it with the policy of its family', async () => {
    await createFamily(db())
    await createFamily(db(), {
      id: 'beta',
      name: 'Beta',
      prefixes: ['071'],
      policyId: 'beta-policy',
    })
    const live = await createExam(db(), { number: '070-621', title: 'Data Analysis' })
    expect(live).toEqual({
      number: '070-621',
      title: 'Data Analysis',
      family: 'general',
      policyId: 'general',
      status: 'live',
      betaOf: null,
      betaPeriod: null,
    })
    const betaPeriod = { start: at('2026-02-01T00:00:00Z'), end: at('2026-03-01T00:00:00Z') }
    await insertExam(db(), {
      number: '071-621',
      title: 'Data Analysis (beta)',
      family: 'beta',
      status: 'beta',
      betaOf: '070-621',
      betaPeriod,
      createdAt: FACTORY_EPOCH,
    })
    expect(await findExam(db(), '071-621')).toEqual({
      number: '071-621',
      title: 'Data Analysis (beta)',
      family: 'beta',
      policyId: 'beta-policy',
      status: 'beta',
      betaOf: '070-621',
      betaPeriod,
    })
    expect(await findExam(db(), '070-000')).toBeNull()
  })

  it('list and count exams by family, status and a case-insensitive search', async () => {
    await createFamily(db())
    await createFamily(db(), { id: 'beta', name: 'Beta', prefixes: ['071'], policyId: 'beta' })
    await createExam(db(), { number: '070-620', title: 'Microsoft Office Word' })
    await createExam(db(), { number: '070-621', title: 'Data Analysis', status: 'retired' })
    await createExam(db(), { number: '070-622', title: '100% Excel_Skills' })
    await createExam(db(), {
      number: '071-621',
      title: 'DATA analysis beta',
      family: 'beta',
      status: 'beta',
    })
    const numbers = async (filter: Parameters<typeof listExams>[1]) =>
      (await listExams(db(), filter)).map((exam) => exam.number)

    expect(await numbers({})).toEqual(['070-620', '070-621', '070-622', '071-621'])
    expect(await numbers({ family: 'beta' })).toEqual(['071-621'])
    expect(await numbers({ status: 'retired' })).toEqual(['070-621'])
    expect(await numbers({ family: 'general', status: 'live' })).toEqual(['070-620', '070-622'])
    expect(await numbers({ q: 'data ANALYSIS' })).toEqual(['070-621', '071-621'])
    expect(await numbers({ q: '-621' })).toEqual(['070-621', '071-621'])
    expect(await numbers({ q: 'data', family: 'general' })).toEqual(['070-621'])
    // Wildcards in the search text match themselves only.
    expect(await numbers({ q: '%' })).toEqual(['070-622'])
    expect(await numbers({ q: 'l_s' })).toEqual(['070-622'])
    expect(await numbers({ q: '_' })).toEqual(['070-622'])
    expect(await numbers({ q: '' })).toHaveLength(4)
    expect(await numbers({ limit: 2, offset: 1 })).toEqual(['070-621', '070-622'])

    expect(await countExams(db())).toBe(4)
    expect(await countExams(db(), { q: 'analysis' })).toBe(2)
    expect(await countExams(db(), { family: 'beta', status: 'live' })).toBe(0)
  })

  it('store, find and list providers, with the default 24-hour change rules', async () => {
    await insertProvider(db(), { id: 'pearson', name: 'Pearson VUE' })
    await insertProvider(db(), { id: 'certiport', name: 'Certiport', cancelCutoffHours: 48 })
    const rules = (reschedule: number, cancel: number) => ({
      rescheduleCutoffHours: reschedule,
      cancelCutoffHours: cancel,
      cancellationRefund: { fullRefundHours: 0, lateFeePercent: 100 },
    })
    expect(await findProvider(db(), 'pearson')).toEqual({
      id: 'pearson',
      name: 'Pearson VUE',
      ...rules(24, 24),
    })
    expect(await findProvider(db(), 'prometric')).toBeNull()
    expect(await listProviders(db())).toEqual([
      { id: 'certiport', name: 'Certiport', ...rules(24, 48) },
      { id: 'pearson', name: 'Pearson VUE', ...rules(24, 24) },
    ])
  })
})
