import { describe, expect, it } from 'vitest'
import { addCalendarMonths } from '../domain/calendar-months.js'
import { parseExamNumber } from '../domain/exam-number.js'
import { DAY_MS, type Instant } from '../domain/instant.js'
import { findPolicyInForce } from '../domain/policy-version.js'
import { buildDemoCatalogue, DEMO_EPOCH } from './demo-catalogue.js'

/** A few `now`s, including ones just either side of a UTC midnight and a leap day. */
const NOWS: readonly Instant[] = [
  Date.UTC(2026, 5, 15, 12, 0),
  Date.UTC(2026, 0, 1, 0, 0, 0, 1),
  Date.UTC(2027, 11, 31, 23, 59, 59, 999),
  Date.UTC(2028, 1, 29, 6, 30),
]

function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone })
    return timeZone.includes('/')
  } catch {
    return false
  }
}

describe.each(NOWS.map((now) => [new Date(now).toISOString(), now] as const))(
  'buildDemoCatalogue(%s)',
  (_, now) => {
    const catalogue = buildDemoCatalogue(now)
    const examsByNumber = new Map(catalogue.exams.map((exam) => [exam.number, exam]))
    const familiesById = new Map(catalogue.families.map((family) => [family.id, family]))
    const providerIds = new Set(catalogue.providers.map((provider) => provider.id))

    it('is pure: the same now gives the same data', () => {
      expect(buildDemoCatalogue(now)).toEqual(catalogue)
    })

    it('has a version in force for every family’s policy, and unique versions', () => {
      for (const family of catalogue.families) {
        expect(
          findPolicyInForce(catalogue.policyVersions, family.policyId, DEMO_EPOCH),
        ).not.toBeNull()
      }
      const keys = catalogue.policyVersions.map((v) => `${v.policyId}@${v.version}`)
      expect(new Set(keys).size).toBe(keys.length)
      expect(catalogue.policyVersions.filter((v) => v.policyId === 'general')).toHaveLength(2)
    })

    it('gives every prefix to one family only', () => {
      const prefixes = catalogue.families.flatMap((family) => family.prefixes)
      expect(new Set(prefixes).size).toBe(prefixes.length)
    })

    it('has canonical, unique exam numbers in a family with that family’s policy', () => {
      expect(catalogue.exams.length).toBeGreaterThanOrEqual(30)
      expect(catalogue.exams.length).toBeLessThanOrEqual(40)
      expect(examsByNumber.size).toBe(catalogue.exams.length)
      for (const exam of catalogue.exams) {
        expect(exam.number).toMatch(/^\d{3}-\d{3}$/)
        expect(parseExamNumber(exam.number)).toBe(exam.number)
        const family = familiesById.get(exam.family)
        expect(family, exam.number).toBeDefined()
        expect(family!.prefixes).toContain(exam.number.slice(0, 3))
        expect(exam.policyId).toBe(family!.policyId)
      }
      for (const family of catalogue.families) {
        expect(
          catalogue.exams.some((exam) => exam.family === family.id),
          family.id,
        ).toBe(true)
      }
    })

    it('gives every beta exam a live twin and a beta period, and no one else either', () => {
      for (const exam of catalogue.exams) {
        if (exam.family !== 'beta') {
          expect(exam.betaOf, exam.number).toBeNull()
          expect(exam.betaPeriod, exam.number).toBeNull()
          continue
        }
        expect(exam.betaOf).not.toBeNull()
        const twin = examsByNumber.get(exam.betaOf!)
        expect(twin, exam.number).toBeDefined()
        expect(twin!.family).not.toBe('beta')
        expect(twin!.number.slice(4)).toBe(exam.number.slice(4))
        expect(exam.betaPeriod).not.toBeNull()
        expect(exam.betaPeriod!.start).toBeLessThan(exam.betaPeriod!.end)
      }
      const inBetaNow = catalogue.exams.filter(
        (exam) => exam.betaPeriod && exam.betaPeriod.start <= now && now < exam.betaPeriod.end,
      )
      expect(inBetaNow.map((exam) => exam.number)).toEqual(['071-621'])
      expect(inBetaNow[0]!.status).toBe('beta')
      expect(examsByNumber.get('070-621')!.status).toBe('beta')
      expect(examsByNumber.get('071-622')!.status).toBe('retired')
      expect(examsByNumber.get('071-622')!.betaPeriod!.end).toBe(now - 60 * DAY_MS)
      expect(examsByNumber.get('070-622')!.status).toBe('live')
    })

    it('builds certifications from exams that exist', () => {
      for (const certification of catalogue.certifications) {
        expect(certification.exams.length).toBeGreaterThan(0)
        for (const number of certification.exams) {
          expect(examsByNumber.has(number), `${certification.id}: ${number}`).toBe(true)
        }
      }
    })

    it('has candidates with unique ids and emails, ISO countries and IANA zones', () => {
      const ids = catalogue.candidates.map((c) => c.id)
      const emails = catalogue.candidates.map((c) => c.email)
      expect(new Set(ids).size).toBe(ids.length)
      expect(new Set(emails).size).toBe(emails.length)
      for (const candidate of catalogue.candidates) {
        expect(candidate.id).toMatch(/^cand-[a-z]+$/)
        expect(candidate.email).toMatch(/^[a-z.]+@example\.com$/)
        expect(candidate.country).toMatch(/^[A-Z]{2}$/)
        expect(isValidTimeZone(candidate.timeZone), candidate.timeZone).toBe(true)
        expect(candidate.story.length).toBeGreaterThan(20)
      }
    })

    it('has attempts at existing exams and providers, in the past and oldest first', () => {
      const attemptIds = new Set<string>()
      for (const candidate of catalogue.candidates) {
        let previous = Number.NEGATIVE_INFINITY
        for (const attempt of candidate.attempts) {
          expect(attemptIds.has(attempt.id), attempt.id).toBe(false)
          attemptIds.add(attempt.id)
          expect(attempt.id).toMatch(new RegExp(`^att-${candidate.id.slice(5)}-\\d+$`))
          const exam = examsByNumber.get(attempt.exam)
          expect(exam, attempt.id).toBeDefined()
          expect(providerIds.has(attempt.provider), attempt.id).toBe(true)
          expect(Number.isInteger(attempt.takenAt)).toBe(true)
          expect(attempt.takenAt).toBeLessThan(now)
          expect(attempt.takenAt).toBeGreaterThan(DEMO_EPOCH)
          expect(attempt.takenAt).toBeGreaterThan(previous)
          previous = attempt.takenAt
          if (exam!.betaPeriod) {
            expect(attempt.takenAt).toBeGreaterThanOrEqual(exam!.betaPeriod.start)
            expect(attempt.takenAt).toBeLessThan(exam!.betaPeriod.end)
          }
          if (attempt.outcome === 'pending') expect(exam!.status).toBe('beta')
        }
      }
      const used = new Set(
        catalogue.candidates.flatMap((c) => c.attempts.map((attempt) => attempt.provider)),
      )
      expect([...used].sort()).toEqual([...providerIds].sort())
    })

    it('sets up the histories the stories describe', () => {
      const attemptsOf = (id: string) => catalogue.candidates.find((c) => c.id === id)!.attempts
      const ana = attemptsOf('cand-ana')
      expect(ana.map((a) => a.outcome)).toEqual(['fail', 'fail'])
      expect(ana[1]!.takenAt + 14 * DAY_MS).toBeGreaterThan(now)

      const ben = attemptsOf('cand-ben')
      expect(ben.filter((a) => a.exam === '070-680' && a.outcome === 'fail')).toHaveLength(5)
      expect(addCalendarMonths(ben[0]!.takenAt, 12)).toBeGreaterThan(now)
      expect(ben[4]!.takenAt + 14 * DAY_MS).toBeLessThan(now)

      const jonas = attemptsOf('cand-jonas')
      expect(addCalendarMonths(jonas[0]!.takenAt, 36)).toBeLessThan(now)

      const amara = attemptsOf('cand-amara')
      expect(amara.at(-1)!.outcome).toBe('fail')
      expect(amara.at(-1)!.takenAt + 48 * 3_600_000).toBeGreaterThan(now)

      expect(attemptsOf('cand-kenji')).toEqual([])
    })
  },
)

describe('buildDemoCatalogue over time', () => {
  it('moves every relative instant with now, exactly', () => {
    const now = NOWS[0]!
    const later = now + 3 * DAY_MS
    const a = buildDemoCatalogue(now)
    const b = buildDemoCatalogue(later)
    const beta = (c: typeof a) => c.exams.find((exam) => exam.number === '071-621')!.betaPeriod!
    expect(beta(a)).toEqual({ start: now - 20 * DAY_MS, end: now + 25 * DAY_MS })
    expect(beta(b).start - beta(a).start).toBe(3 * DAY_MS)
    const ana = (c: typeof a) => c.candidates.find((x) => x.id === 'cand-ana')!.attempts[1]!
    expect(ana(b).takenAt - ana(a).takenAt).toBe(3 * DAY_MS)
    expect(a.policyVersions).toEqual(b.policyVersions)
  })
})
