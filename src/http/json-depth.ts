const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_BRACE = 0x7b
const OPEN_BRACKET = 0x5b
const CLOSE_BRACE = 0x7d
const CLOSE_BRACKET = 0x5d

/**
 * Whether the JSON text in `bytes` opens more than `maxDepth` objects and
 * arrays inside one another, counted on the raw bytes before any parsing:
 * a megabyte of `[[[[…` costs a parser far more than its size says, and is
 * refused here in one pass that allocates nothing. Brackets inside strings do
 * not count. Every byte this reads is ASCII, and in UTF-8 no byte of a
 * multi-byte character is, so it reads invalid UTF-8 the same way.
 *
 * @example
 * isNestedDeeperThan(Buffer.from('{"a":[[1]]}'), 2) // true: three levels
 */
export function isNestedDeeperThan(bytes: Uint8Array, maxDepth: number): boolean {
  let depth = 0
  let inString = false
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index]
    if (inString) {
      if (byte === BACKSLASH) index++
      else if (byte === QUOTE) inString = false
    } else if (byte === QUOTE) {
      inString = true
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      depth++
      if (depth > maxDepth) return true
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth--
    }
  }
  return false
}
