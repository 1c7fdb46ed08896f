import { SIGN_IN_LIFETIME_MS } from './sign-in-request.js'

/**
 * Changing an account's email: the new address is mailed a link and a code,
 * and only their use changes it. They live as a sign-in mail's do: once,
 * for 15 minutes, dead at the fifth wrong code (`isSignInLive` reads both).
 */
export const EMAIL_CHANGE_LIFETIME_MS = SIGN_IN_LIFETIME_MS

/**
 * What asking for a new email leads to: nothing, for the address the
 * account has already; a mail saying the address has an account, when
 * another account has it (the asker is answered as for any other address,
 * so nobody learns which addresses have accounts); else a mail to confirm.
 * A change of case alone is a change: mail goes to exactly the address given.
 */
export type EmailChangeOutcome = 'unchanged' | 'in-use' | 'confirm'

/** What asking `account` to move to `wanted` leads to, `holder` being the account that has `wanted` (whatever its case), if any. */
export function decideEmailChange(
  account: { readonly id: string; readonly email: string },
  wanted: string,
  holder: { readonly id: string } | null,
): EmailChangeOutcome {
  if (wanted === account.email) return 'unchanged'
  // The account itself holds `wanted` when only its case differs.
  return holder === null || holder.id === account.id ? 'confirm' : 'in-use'
}
