import { Type } from 'typebox'
import { ACCOUNT_ROLES, type Account, STAFF_ROLES } from '../../domain/account.js'
import type { Session } from '../../domain/session.js'
import { InstantText, toInstantOut } from './instant.js'
import { Nullable } from './nullable.js'

const EmailText = Type.String({
  minLength: 3,
  maxLength: 254,
  examples: ['ana.lima@example.org'],
  description: 'Where sign-in mail goes',
})

export const SignUpBody = Type.Object(
  {
    firstName: Type.String({ minLength: 1, maxLength: 100, examples: ['Ana'] }),
    lastName: Type.String({ minLength: 1, maxLength: 100, examples: ['Lima'] }),
    email: EmailText,
    country: Type.String({ minLength: 2, maxLength: 2, examples: ['BR'] }),
    timeZone: Type.String({ minLength: 1, maxLength: 64, examples: ['America/Sao_Paulo'] }),
  },
  { additionalProperties: false },
)

export const SignInEmailBody = Type.Object({ email: EmailText }, { additionalProperties: false })

export const SignInCodeBody = Type.Object(
  {
    email: EmailText,
    code: Type.String({
      minLength: 1,
      maxLength: 32,
      examples: ['K7QM-Z4RT'],
      description: "The sign-in mail's code; case, dashes and spaces do not matter",
    }),
  },
  { additionalProperties: false },
)

export const NewEmailBody = Type.Object(
  {
    email: Type.String({
      minLength: 3,
      maxLength: 254,
      examples: ['ana.lima@example.net'],
      description: 'The new email: mailed a link and a code that confirm it',
    }),
  },
  { additionalProperties: false },
)

export const EmailChangeCodeBody = Type.Object(
  {
    code: Type.String({
      minLength: 1,
      maxLength: 32,
      examples: ['K7QM-Z4RT'],
      description: "The confirmation mail's code; case, dashes and spaces do not matter",
    }),
  },
  { additionalProperties: false },
)

export const StaffAccountBody = Type.Object(
  {
    role: Type.Enum([...STAFF_ROLES]),
    displayName: Type.String({
      minLength: 1,
      maxLength: 200,
      examples: ['Maya Okafor'],
      description: 'How candidates are told of this person ("registered for you by …")',
    }),
    email: EmailText,
  },
  { additionalProperties: false },
)

/** The same answer whether or not an account has the email. */
export const MailSentOut = Type.Object({
  message: Type.String({
    examples: [
      'If an account can sign in with this email, a mail with a link and a code is on its way.',
    ],
  }),
})

export const AccountOut = Type.Object({
  id: Type.String(),
  role: Type.Enum([...ACCOUNT_ROLES]),
  displayName: Type.String(),
  email: Type.String(),
  candidateId: Nullable(
    Type.String({ description: "The candidate record a candidate's account speaks for" }),
  ),
  emailVerifiedAt: Nullable(
    Type.String({ description: 'The first sign-in, which verified the email; null before it' }),
  ),
  createdAt: InstantText,
  disabledAt: Nullable(Type.String()),
})

export function toAccountOut(account: Account) {
  return {
    id: account.id,
    role: account.role,
    displayName: account.displayName,
    email: account.email,
    candidateId: account.candidateId,
    emailVerifiedAt:
      account.emailVerifiedAt === null ? null : toInstantOut(account.emailVerifiedAt),
    createdAt: toInstantOut(account.createdAt),
    disabledAt: account.disabledAt === null ? null : toInstantOut(account.disabledAt),
  }
}

export const SignedInOut = Type.Object({
  account: AccountOut,
  csrfToken: Type.String({
    description: 'Send it as X-CSRF-Token with every change made with the session cookie',
  }),
})

export const MeOut = Type.Object({
  account: AccountOut,
  sessionId: Type.String(),
  csrfToken: Type.String({
    description: 'Send it as X-CSRF-Token with every change made with the session cookie',
  }),
})

export const SessionOut = Type.Object({
  id: Type.String(),
  current: Type.Boolean({ description: 'The session this request came with' }),
  createdAt: InstantText,
  lastSeenAt: Type.String({ description: 'Written at most once a minute' }),
  endedAt: Nullable(Type.String()),
  endedReason: Nullable(
    Type.String({
      enum: ['signed-out', 'ended', 'idle', 'expired'],
      description:
        'signed-out: by its person; ended: from another session or by support; idle or expired: by a timeout',
    }),
  ),
  userAgent: Nullable(Type.String()),
  address: Nullable(Type.String()),
})

export function toSessionOut(session: Session, currentId: string | null) {
  return {
    id: session.id,
    current: session.id === currentId,
    createdAt: toInstantOut(session.createdAt),
    lastSeenAt: toInstantOut(session.lastSeenAt),
    endedAt: session.endedAt === null ? null : toInstantOut(session.endedAt),
    endedReason: session.endedReason,
    userAgent: session.userAgent,
    address: session.address,
  }
}
