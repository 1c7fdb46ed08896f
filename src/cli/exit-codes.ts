/**
 * What `examdesk` exits with, for scripts: 0 when the command did its work,
 * 1 when it was refused or failed (the sentence on stderr says why), and 3
 * when `eligibility` answers "not eligible", so that a script can tell a
 * refusal of the question from a "no" to it.
 */
export const EXIT_OK = 0
export const EXIT_FAILED = 1
export const EXIT_NOT_ELIGIBLE = 3
