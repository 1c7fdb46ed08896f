/** Which part of an ordered list to read: `limit` rows after skipping `offset`. */
export interface Paging {
  readonly limit: number
  readonly offset: number
}
