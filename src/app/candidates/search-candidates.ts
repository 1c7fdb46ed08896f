import type { Kysely } from 'kysely'
import {
  countTermsStartingWith,
  findCandidatesByKeys,
  findCandidatesByName,
} from '../../db/candidates/candidate-search.js'
import type { Paging } from '../../db/engine/paging.js'
import type { DB } from '../../db/engine/schema.js'
import type { Candidate } from '../../domain/candidate.js'
import {
  type CandidateSearch,
  parseCandidateSearch,
  type SearchMatch,
} from '../../domain/candidate-search.js'

/** A candidate found, and which kind of key found them. */
export interface FoundCandidate {
  readonly candidate: Candidate
  readonly matchedBy: SearchMatch
}

/**
 * A page of a search, and whether another follows. No total: counting every
 * candidate a few letters of a name match (tens of thousands among a
 * million) would cost many times the page itself.
 */
export interface SearchPage {
  readonly items: readonly FoundCandidate[]
  readonly hasMore: boolean
}

/**
 * Terms of a typed word counted, at most, to choose which word's range to
 * read: a rarer word means fewer rows read to find the page.
 */
const COUNT_CAP = 2_000

/**
 * Support's one search box: the text is tried as a candidate id, an email
 * (whole, case ignored), a registration id and a voucher code in any
 * spelling (its holder), and as partial words of a name (accents and case
 * ignored; each word the start of a word of the first name, last name or
 * email local part; all of them, in any order). The exact keys come first,
 * in that order, then the names: whole-word matches before longer words,
 * then by last and first name. Each candidate once, with the most exact
 * reason it was found. Three statements at most: the exact keys, the
 * words' counts, the page of names.
 */
export async function searchCandidates(
  deps: { readonly db: Kysely<DB> },
  text: string,
  paging: Paging,
): Promise<SearchPage> {
  const search = parseCandidateSearch(text)
  const [exact, lead] = await Promise.all([
    findByExactKeys(deps.db, search),
    chooseLead(deps.db, search.words),
  ])
  const wanted = paging.limit + 1
  const exactPart = exact.slice(paging.offset, paging.offset + wanted)
  const byName =
    lead === null || exactPart.length === wanted
      ? []
      : await findCandidatesByName(deps.db, {
          lead,
          others: search.words.filter((word) => word !== lead),
          excluding: exact.map((found) => found.candidate.id),
          limit: wanted - exactPart.length,
          offset: Math.max(0, paging.offset - exact.length),
        })
  const found = [
    ...exactPart,
    ...byName.map((candidate) => ({ candidate, matchedBy: 'name' as const })),
  ]
  return { items: found.slice(0, paging.limit), hasMore: found.length > paging.limit }
}

/** Every candidate the text names exactly, most exact first, each once. */
async function findByExactKeys(db: Kysely<DB>, search: CandidateSearch): Promise<FoundCandidate[]> {
  const { text } = search
  if (text === '') return []
  const found = await findCandidatesByKeys(db, {
    ids: [...new Set([text, text.toLowerCase()])],
    email: search.email,
    registrationIds: [...new Set([search.registrationId ?? text, text])],
    voucherCode: search.voucherCode,
  })
  const seen = new Set<string>()
  return found.filter(({ candidate }) => !seen.has(candidate.id) && seen.add(candidate.id))
}

/**
 * The word whose range to read: the one with the fewest terms (the longest
 * among those past the cap); null when a word matches nothing, or there is none.
 */
async function chooseLead(db: Kysely<DB>, words: readonly string[]): Promise<string | null> {
  if (words.length <= 1) return words[0] ?? null
  const counts = await countTermsStartingWith(db, words, COUNT_CAP)
  const fewest = Math.min(...counts)
  return fewest === 0 ? null : words[counts.indexOf(fewest)]!
}
