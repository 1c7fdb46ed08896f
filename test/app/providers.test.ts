import { describe, expect, it } from 'vitest'
import { createProvider } from '../../src/app/catalogue/create-provider.js'
import { getProvider } from '../../src/app/catalogue/get-provider.js'
import { listProviders } from '../../src/app/catalogue/list-providers.js'
import { setProviderExams } from '../../src/app/catalogue/set-provider-exams.js'
import { updateProviderRules } from '../../src/app/catalogue/update-provider-rules.js'
import { loadDemo } from '../../src/app/operations/load-demo.js'
import { testDatabases } from '../support/databases.js'
import { refusalOf, useDemoForReading, useSuiteDatabase } from './scenario.js'

describe.each(testDatabases())('delivery providers on $name', ({ open }) => {
  describe('the demo programme', () => {
    const { deps } = useDemoForReading(open)

    it('has Prometric and Pearson VUE with their change and refund rules, and MTA exams at Prometric only', async () => {
      const providers = await listProviders(deps())
      expect(providers.map(({ exams: _exams, ...provider }) => provider)).toEqual([
        {
          id: 'pearson-vue',
          name: 'Pearson VUE',
          rescheduleCutoffHours: 24,
          cancelCutoffHours: 48,
          cancellationRefund: { fullRefundHours: 96, lateFeePercent: 100 },
        },
        {
          id: 'prometric',
          name: 'Prometric',
          rescheduleCutoffHours: 24,
          cancelCutoffHours: 24,
          cancellationRefund: { fullRefundHours: 72, lateFeePercent: 25 },
        },
      ])
      const [pearson, prometric] = providers
      expect(prometric!.exams).toContain('098-349')
      expect(pearson!.exams).not.toContain('098-349')
      expect(pearson!.exams).toContain('070-620')
      // A beta in its beta period is delivered; its live twin, not live yet, and retired exams are not.
      expect(prometric!.exams).toContain('071-621')
      expect(prometric!.exams).not.toContain('070-621')
      expect(prometric!.exams).not.toContain('071-622')
      expect(await getProvider(deps(), 'prometric')).toEqual(prometric)
    })
  })

  describe('managing providers', () => {
    // Each test makes its own provider: one database for the suite.
    const { deps } = useSuiteDatabase(open, (deps) => loadDemo(deps))

    it('adds a provider with its rules (24 hours each, a full refund, by default)', async () => {
      expect(await createProvider(deps(), { id: 'kryterion', name: ' Kryterion ' })).toEqual({
        id: 'kryterion',
        name: 'Kryterion',
        rescheduleCutoffHours: 24,
        cancelCutoffHours: 24,
        cancellationRefund: { fullRefundHours: 0, lateFeePercent: 100 },
      })
      await createProvider(deps(), {
        id: 'psi',
        name: 'PSI',
        cancelCutoffHours: 72,
        cancellationRefund: { fullRefundHours: 168, lateFeePercent: 40 },
      })
      expect(await getProvider(deps(), 'psi')).toEqual({
        id: 'psi',
        name: 'PSI',
        rescheduleCutoffHours: 24,
        cancelCutoffHours: 72,
        cancellationRefund: { fullRefundHours: 168, lateFeePercent: 40 },
        exams: [],
      })
    })

    it('refuses a duplicate, a malformed id, an empty name and impossible rules', async () => {
      const refused = async (input: Parameters<typeof createProvider>[1]) => {
        const { code, field } = await refusalOf(createProvider(deps(), input))
        return { code, field }
      }
      expect(await refused({ id: 'prometric', name: 'Again' })).toEqual({
        code: 'PROVIDER_ALREADY_EXISTS',
        field: 'id',
      })
      for (const id of ['Pearson', '-x', 'x-', 'a b', '', 'x'.repeat(41)]) {
        expect(await refused({ id, name: 'X' }), id).toEqual({
          code: 'VALIDATION_FAILED',
          field: 'id',
        })
      }
      expect(await refused({ id: 'blank', name: '  ' })).toEqual({
        code: 'VALIDATION_FAILED',
        field: 'name',
      })
      for (const hours of [-1, 1.5, 8761]) {
        expect(await refused({ id: 'odd', name: 'Odd', rescheduleCutoffHours: hours })).toEqual({
          code: 'VALIDATION_FAILED',
          field: 'rescheduleCutoffHours',
        })
      }
    })

    it("changes a provider's rules, and refuses an unknown provider", async () => {
      await createProvider(deps(), { id: 'rules-test', name: 'Rules' })
      expect(
        await updateProviderRules(deps(), 'rules-test', {
          rescheduleCutoffHours: 48,
          cancelCutoffHours: 0,
        }),
      ).toMatchObject({ rescheduleCutoffHours: 48, cancelCutoffHours: 0 })
      // The refund rule is kept when not given, and set when given.
      expect(
        await updateProviderRules(deps(), 'rules-test', {
          rescheduleCutoffHours: 48,
          cancelCutoffHours: 24,
          cancellationRefund: { fullRefundHours: 72, lateFeePercent: 25 },
        }),
      ).toMatchObject({ cancellationRefund: { fullRefundHours: 72, lateFeePercent: 25 } })
      expect(
        await updateProviderRules(deps(), 'rules-test', {
          rescheduleCutoffHours: 24,
          cancelCutoffHours: 24,
        }),
      ).toMatchObject({ cancellationRefund: { fullRefundHours: 72, lateFeePercent: 25 } })
      for (const [rule, field] of [
        [{ fullRefundHours: 72, lateFeePercent: 101 }, 'cancellationRefund.lateFeePercent'],
        [{ fullRefundHours: -1, lateFeePercent: 10 }, 'cancellationRefund.fullRefundHours'],
      ] as const) {
        expect(
          await refusalOf(
            updateProviderRules(deps(), 'rules-test', {
              rescheduleCutoffHours: 24,
              cancelCutoffHours: 24,
              cancellationRefund: rule,
            }),
          ),
        ).toMatchObject({ code: 'VALIDATION_FAILED', field })
      }
      expect(
        await refusalOf(
          updateProviderRules(deps(), 'nobody', { rescheduleCutoffHours: 1, cancelCutoffHours: 1 }),
        ),
      ).toMatchObject({ code: 'PROVIDER_NOT_FOUND', facts: { providerId: 'nobody' } })
      expect(
        await refusalOf(
          updateProviderRules(deps(), 'rules-test', {
            rescheduleCutoffHours: 1,
            cancelCutoffHours: -5,
          }),
        ),
      ).toMatchObject({ code: 'VALIDATION_FAILED', field: 'cancelCutoffHours' })
    })

    it('replaces the exams a provider delivers, in either spelling, all known or none', async () => {
      await createProvider(deps(), { id: 'exams-test', name: 'Exams' })
      const set = await setProviderExams(deps(), 'exams-test', ['70-620', '070-680', '70-620'])
      expect(set.exams).toEqual(['070-620', '070-680'])
      expect(
        await refusalOf(setProviderExams(deps(), 'exams-test', ['070-620', '70-999'])),
      ).toMatchObject({ code: 'EXAM_NOT_FOUND', field: 'exams.1' })
      expect(await refusalOf(setProviderExams(deps(), 'exams-test', ['7O-620']))).toMatchObject({
        code: 'EXAM_NUMBER_MALFORMED',
        field: 'exams.0',
      })
      expect((await getProvider(deps(), 'exams-test')).exams).toEqual(['070-620', '070-680'])
      expect(await refusalOf(setProviderExams(deps(), 'nobody', []))).toMatchObject({
        code: 'PROVIDER_NOT_FOUND',
      })
      expect((await setProviderExams(deps(), 'exams-test', [])).exams).toEqual([])
    })
  })
})
