import { describe, expect, it } from 'vitest'

type Catalogue = Readonly<Record<string, string>>

// Loaded as the web app's build loads them: its modules resolve imports as a bundler does, which
// this project's own type check (Node's resolution) does not follow.
const web = (path: string) => import(new URL(`../../web/src/${path}`, import.meta.url).href)
const { en } = (await web('i18n/messages/en.ts')) as { en: Catalogue }
const { de } = (await web('i18n/messages/de.ts')) as { de: Catalogue }
const { ar } = (await web('i18n/messages/ar.ts')) as { ar: Catalogue }
const { saidOfId } = (await web('i18n/reader.tsx')) as {
  saidOfId(id: string, known: (id: string) => boolean): string
}

const variants = Object.keys(en).filter((id) => id.endsWith('.of'))

describe('sentences said of a candidate by name (`<id>.of`)', () => {
  it('each stand beside the sentence said to the candidate, which is chosen otherwise', () => {
    const orphans = variants.filter((id) => !(id.slice(0, -'.of'.length) in en))
    expect(orphans).toEqual([])
    expect(variants.length).toBeGreaterThan(40)
  })

  it('speak to nobody as "you" about the candidate', () => {
    const saidToYou = variants.filter((id) => /\b(you|your|yours|I|my)\b/i.test(en[id] ?? ''))
    expect(saidToYou).toEqual([])
  })

  it('are chosen only where written, the plain sentence serving both readers elsewhere', () => {
    const known = (id: string) => id in en
    expect(saidOfId('book.seat', known)).toBe('book.seat.of')
    expect(saidOfId('book.submit', known)).toBe('book.submit')
    expect(saidOfId('decision.EXAM_NOT_AVAILABLE.retired', known)).toBe(
      'decision.EXAM_NOT_AVAILABLE.retired',
    )
  })
})

describe('the catalogues', () => {
  it('German has every English message and no other', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort())
  })

  it('Arabic has only messages English has', () => {
    expect(Object.keys(ar).filter((id) => !(id in en))).toEqual([])
  })
})
