import { useIntl } from 'react-intl'
import { useActing } from '../acting/acting'
import type { MessageId } from './messages/en'

/**
 * Whom a page's sentences speak of: the candidate reading it ("you"), or a
 * candidate staff act for or read about, by first name.
 */
export type Subject = { readonly name: string } | null

/** The ids whose catalogue has a variant said of a candidate by name: `<id>.of`, with `{name}`. */
export type SaidOfId = {
  [Id in MessageId]: `${Id}.of` extends MessageId ? Id : never
}[MessageId]

type Values = Record<string, string | number | Date>

/** Says the sentences of a page that speak to or of the candidate. */
export interface Reader {
  readonly subject: Subject
  /** `t('book.seat')`: "Your seat" to the candidate, "Chloe’s seat" to staff acting for Chloe. */
  t(id: SaidOfId, values?: Values): string
  /** The same for an id made as the page runs (a decision's, a code sentence's): the plain one where no variant is written. */
  say(id: string, values?: Values): string
  /** The id `t` would say, for a message with parts (a link) that `FormattedMessage` says, given `subject`'s name. */
  id(id: SaidOfId): string
}

/**
 * The one place that decides between "you" and the candidate's name. A
 * message written to the candidate has a variant `<id>.of` said of them by
 * name; that variant is said when staff act for them (the acting context
 * gives their first name), or when `about` names the candidate a staff page
 * reads about. A first name the record leaves blank is said as "the
 * candidate" (in German "Prüfling" and their id, which reads right in any
 * case a sentence puts it in).
 */
export function useReader(about?: Subject): Reader {
  const intl = useIntl()
  const acting = useActing()
  const named = about !== undefined ? about : actedFor(acting.candidateName, acting.forCandidate)
  const fallback = intl
    .formatMessage({ id: 'reader.theCandidate' }, { id: acting.forCandidate ?? '' })
    .trim()
  const subject = named === null ? null : { name: named.name.trim() || fallback }
  const choose = (id: string) =>
    subject === null ? id : saidOfId(id, (candidate) => candidate in intl.messages)
  const say = (id: string, values?: Values) => {
    const text = intl.formatMessage(
      { id: choose(id) },
      subject === null ? values : { ...values, name: subject.name },
    )
    // "the candidate" opening a sentence is written as one opens.
    return subject !== null && subject.name === fallback && text.startsWith(fallback)
      ? fallback.charAt(0).toLocaleUpperCase(intl.locale) + text.slice(1)
      : text
  }
  return { subject, t: say, say, id: choose }
}

function actedFor(name: string | null, candidateId: string | null): Subject {
  return candidateId === null ? null : { name: name ?? '' }
}

/** `<id>.of` when the catalogue has it, else `id` itself: sentences that need no name serve both readers. */
export function saidOfId(id: string, known: (id: string) => boolean): string {
  const of = `${id}.of`
  return known(of) ? of : id
}
