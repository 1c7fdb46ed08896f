import type { Exam } from '../domain/exam.js'
import type { ExamNumber } from '../domain/exam-number.js'
import { DAY_MS, formatInZone, type Instant } from '../domain/instant.js'
import { computeSlotStarts } from '../domain/slot-schedule.js'
import type { TestCentre } from '../domain/test-centre.js'

/**
 * The demo's delivery network: which exams each provider delivers, its test
 * centres around the world (both providers in Auckland, Sydney, New York and
 * Berlin; one elsewhere), and three weeks of slots.
 */

/** A demo centre and how many seats each of its slots has. */
export interface DemoCentre extends TestCentre {
  readonly seats: number
}

/** A slot of the demo: a readable id, `slot-<centre>-<local date>-<local time>`. */
export interface DemoSlot {
  readonly id: string
  readonly centreId: string
  readonly startsAt: Instant
  readonly capacity: number
}

export const DEMO_CENTRES: readonly DemoCentre[] = [
  {
    id: 'akl-prometric',
    providerId: 'prometric',
    name: 'Prometric Auckland Grafton',
    address: 'Level 3, 44 Khyber Pass Road, Grafton, Auckland 1023',
    city: 'Auckland',
    country: 'NZ',
    latitude: -36.8621,
    longitude: 174.7676,
    timeZone: 'Pacific/Auckland',
    seats: 12,
  },
  {
    id: 'akl-pearson-vue',
    providerId: 'pearson-vue',
    name: 'Pearson VUE Auckland CBD',
    address: 'Level 9, 120 Albert Street, Auckland 1010',
    city: 'Auckland',
    country: 'NZ',
    latitude: -36.8484,
    longitude: 174.7622,
    timeZone: 'Pacific/Auckland',
    seats: 10,
  },
  {
    id: 'wlg-pearson-vue',
    providerId: 'pearson-vue',
    name: 'Pearson VUE Wellington',
    address: 'Level 2, 15 Willeston Street, Te Aro, Wellington 6011',
    city: 'Wellington',
    country: 'NZ',
    latitude: -41.2842,
    longitude: 174.7756,
    timeZone: 'Pacific/Auckland',
    seats: 8,
  },
  {
    id: 'syd-prometric',
    providerId: 'prometric',
    name: 'Prometric Sydney Wynyard',
    address: 'Level 5, 60 Margaret Street, Sydney NSW 2000',
    city: 'Sydney',
    country: 'AU',
    latitude: -33.8651,
    longitude: 151.2085,
    timeZone: 'Australia/Sydney',
    seats: 16,
  },
  {
    id: 'syd-pearson-vue',
    providerId: 'pearson-vue',
    name: 'Pearson VUE Sydney Town Hall',
    address: 'Level 11, 1 Market Street, Sydney NSW 2000',
    city: 'Sydney',
    country: 'AU',
    latitude: -33.8716,
    longitude: 151.2046,
    timeZone: 'Australia/Sydney',
    seats: 14,
  },
  {
    id: 'lax-prometric',
    providerId: 'prometric',
    name: 'Prometric Los Angeles Koreatown',
    address: '3600 Wilshire Boulevard, Suite 1500, Los Angeles, CA 90010',
    city: 'Los Angeles',
    country: 'US',
    latitude: 34.0617,
    longitude: -118.3054,
    timeZone: 'America/Los_Angeles',
    seats: 20,
  },
  {
    id: 'nyc-prometric',
    providerId: 'prometric',
    name: 'Prometric New York Penn Plaza',
    address: '5 Penn Plaza, 23rd Floor, New York, NY 10001',
    city: 'New York',
    country: 'US',
    latitude: 40.7512,
    longitude: -73.9943,
    timeZone: 'America/New_York',
    seats: 18,
  },
  {
    id: 'nyc-pearson-vue',
    providerId: 'pearson-vue',
    name: 'Pearson VUE New York Herald Square',
    address: '1250 Broadway, 36th Floor, New York, NY 10001',
    city: 'New York',
    country: 'US',
    latitude: 40.7479,
    longitude: -73.9884,
    timeZone: 'America/New_York',
    seats: 20,
  },
  {
    id: 'ber-pearson-vue',
    providerId: 'pearson-vue',
    name: 'Pearson VUE Berlin Mitte',
    address: 'Friedrichstraße 68, 10117 Berlin',
    city: 'Berlin',
    country: 'DE',
    latitude: 52.5096,
    longitude: 13.3895,
    timeZone: 'Europe/Berlin',
    seats: 10,
  },
  {
    id: 'ber-prometric',
    providerId: 'prometric',
    name: 'Prometric Berlin Kurfürstendamm',
    address: 'Kurfürstendamm 21, 10719 Berlin',
    city: 'Berlin',
    country: 'DE',
    latitude: 52.5033,
    longitude: 13.333,
    timeZone: 'Europe/Berlin',
    seats: 8,
  },
  {
    id: 'blr-prometric',
    providerId: 'prometric',
    name: 'Prometric Bengaluru MG Road',
    address: 'Prestige Meridian 1, 29 MG Road, Bengaluru, Karnataka 560001',
    city: 'Bengaluru',
    country: 'IN',
    latitude: 12.974,
    longitude: 77.6096,
    timeZone: 'Asia/Kolkata',
    seats: 15,
  },
  {
    id: 'sao-pearson-vue',
    providerId: 'pearson-vue',
    name: 'Pearson VUE São Paulo Paulista',
    address: 'Avenida Paulista 1842, 12º andar, Bela Vista, São Paulo - SP, 01310-200',
    city: 'São Paulo',
    country: 'BR',
    latitude: -23.5613,
    longitude: -46.6565,
    timeZone: 'America/Sao_Paulo',
    seats: 12,
  },
  {
    id: 'tyo-prometric',
    providerId: 'prometric',
    name: 'Prometric Tokyo Shinjuku',
    address: 'Shinjuku Mitsui Building, 2-1-1 Nishi-Shinjuku, Shinjuku-ku, Tokyo 163-0404',
    city: 'Tokyo',
    country: 'JP',
    latitude: 35.6925,
    longitude: 139.6953,
    timeZone: 'Asia/Tokyo',
    seats: 8,
  },
  {
    id: 'los-pearson-vue',
    providerId: 'pearson-vue',
    name: 'Pearson VUE Lagos Victoria Island',
    address: 'Plot 1A Adeola Odeku Street, Victoria Island, Lagos',
    city: 'Lagos',
    country: 'NG',
    latitude: 6.4311,
    longitude: 3.4158,
    timeZone: 'Africa/Lagos',
    seats: 6,
  },
]

/**
 * Does this provider deliver this exam in the demo? Both deliver every
 * bookable exam (live, or a beta exam in beta), except that MTA exams (`098`)
 * are at Prometric only: the Second Shot announcement speaks of "MTA
 * certification exams administered through Prometric". Retired exams, and a
 * live exam still in beta (070-621), are delivered by no one.
 */
export function deliversInDemo(providerId: string, exam: Exam): boolean {
  const bookable = exam.status === 'live' || (exam.status === 'beta' && exam.betaOf !== null)
  if (!bookable) return false
  if (exam.family === 'mta') return providerId === 'prometric'
  return true
}

/** The exams each demo provider delivers, canonical numbers in catalogue order. */
export function buildDemoProviderExams(
  providerIds: readonly string[],
  exams: readonly Exam[],
): { readonly providerId: string; readonly exams: readonly ExamNumber[] }[] {
  return providerIds.map((providerId) => ({
    providerId,
    exams: exams.filter((exam) => deliversInDemo(providerId, exam)).map((exam) => exam.number),
  }))
}

/** How far ahead the demo has slots. */
export const DEMO_SLOT_DAYS = 21

/**
 * Slots at 09:00 and 13:00 on each centre's clock, Monday to Friday, from
 * `now` for three weeks. Pure: the same `now` gives the same slots and ids.
 */
export function buildDemoSlots(now: Instant, centres: readonly DemoCentre[]): DemoSlot[] {
  return centres.flatMap((centre) =>
    computeSlotStarts({
      from: now,
      to: now + DEMO_SLOT_DAYS * DAY_MS,
      every: { unit: 'minutes', amount: 240 },
      daily: { open: 9 * 60, close: 14 * 60 },
      weekdays: [1, 2, 3, 4, 5],
      timeZone: centre.timeZone,
    }).map((startsAt) => ({
      id: `slot-${centre.id}-${localStamp(startsAt, centre.timeZone)}`,
      centreId: centre.id,
      startsAt,
      capacity: centre.seats,
    })),
  )
}

/** `2026-06-16T09:00 Pacific/Auckland` → `20260616-0900`. */
function localStamp(at: Instant, timeZone: string): string {
  const local = formatInZone(at, timeZone)
  return `${local.slice(0, 10).replaceAll('-', '')}-${local.slice(11, 16).replace(':', '')}`
}
