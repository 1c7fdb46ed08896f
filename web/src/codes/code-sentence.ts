import { useIntl } from 'react-intl'
import { useProviderNames } from '../api/provider-names'
import { listFormat } from '../i18n/formatters'
import { useReader } from '../i18n/reader'
import { formatOnClock } from '../time/format'
import type { CodePreview } from './code-preview'

/** A sentence of a code's judgement as the API gives it (a preview's, a refusal's): a stable code and its parameters. */
export type CodeSentence = NonNullable<CodePreview['sentences']['does']>

// Lists that name alternatives ("prometric or pearson-vue") rather than a set.
const ALTERNATIVES = new Set(['providers', 'methods'])

/**
 * Says a code's sentence in the reader's language, its instants on the
 * candidate's clock (`timeZone`), its providers and payment methods by
 * their names, and the candidate by name when staff act for them (see
 * `useReader`). A code this page has no words for is said in the API's
 * English (`english`), never left out.
 */
export function useCodeSentence(): CodeWords {
  return useCodeSentenceNaming(useProviderNames().name)
}

export interface CodeWords {
  sentence(sentence: CodeSentence, timeZone: string, english: string): string
  /** The exams an offer covers, from its parts. */
  scope(exams: CodePreview['offer']['exams']): string
}

/** The same, naming providers by `providerName` (where the page has not read their names). */
export function useCodeSentenceNaming(providerName: (id: string) => string): CodeWords {
  const intl = useIntl()
  const reader = useReader()
  const known = (id: string) => id in intl.messages
  const say = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id }, values)
  const list = (items: readonly string[], type: 'conjunction' | 'disjunction') =>
    listFormat(intl.locale, { type }).format(items)

  function value(key: string, raw: string | number | string[], timeZone: string) {
    if (Array.isArray(raw)) {
      const named = raw.map((item) => nameOf(key, item))
      return list(named, ALTERNATIVES.has(key) ? 'disjunction' : 'conjunction')
    }
    if (typeof raw === 'number') return raw
    if (key.endsWith('At')) return formatOnClock(intl.locale, raw, timeZone)
    // ICU's select takes words: free-retake is said as free_retake.
    if (key === 'use') return raw.replaceAll('-', '_')
    return nameOf(key, raw)
  }

  function nameOf(key: string, item: string): string {
    if (key === 'providers') return providerName(item)
    if (key === 'methods' || key === 'method') {
      const id = `console.offers.method.${item}`
      return known(id) ? say(id) : item
    }
    return item
  }

  function scope(params: Readonly<Record<string, unknown>>): string {
    const strings = (key: string) => (params[key] as string[] | undefined) ?? []
    const parts = [
      ...strings('families').map((family) => say('codeSentence.scope.family', { family })),
      ...strings('prefixes').map((prefix) => say('codeSentence.scope.prefix', { prefix })),
      ...strings('numbers'),
    ]
    const exams = parts.length === 0 ? say('codeSentence.scope.every') : list(parts, 'conjunction')
    const classes = strings('priceClasses')
    if (classes.length === 0) return exams
    const named = classes.map((priceClass) => {
      const id = `codeSentence.priceClass.${priceClass}`
      return known(id) ? say(id) : priceClass
    })
    return say('codeSentence.scope.priced', { exams, classes: list(named, 'disjunction') })
  }

  function sentence(sentence: CodeSentence, timeZone: string, english: string): string {
    const id = `codeSentence.${sentence.code}`
    if (!known(id)) return english
    const values: Record<string, string | number> = {}
    for (const [key, raw] of Object.entries(sentence.params)) {
      values[key] = value(key, raw, timeZone)
      if (Array.isArray(raw)) values.count = raw.length
    }
    if (sentence.code === 'EXAM_NOT_COVERED') values.scope = scope(sentence.params)
    return reader.say(id, values)
  }

  return { sentence, scope }
}

/** Whether a value is a sentence as the API gives it, as a refusal's `sentence` member. */
export function isCodeSentence(value: unknown): value is CodeSentence {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { params?: unknown }).params === 'object'
  )
}
