const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/

/** A plausible address, its domain lower-cased; null when it cannot be one. */
export function parseEmail(text: string): string | null {
  const address = text.trim()
  if (address.length > 254 || !EMAIL.test(address)) return null
  const at = address.lastIndexOf('@')
  return `${address.slice(0, at)}@${address.slice(at + 1).toLowerCase()}`
}
