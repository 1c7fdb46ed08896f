/**
 * How large a request body may be. Every request this API takes fits the
 * default many times over (the longest text, an exception's description, is
 * 4,000 characters), and parsing a megabyte of JSON costs tens of
 * milliseconds of the one thread that answers everyone.
 */
export const DEFAULT_BODY_LIMIT = 64 * 1024

/** For the routes that take lists of candidate ids (a beta's roster, a wave's list). */
export const BULK_BODY_LIMIT = 1024 * 1024
