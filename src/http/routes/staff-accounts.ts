import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import {
  disableStaffAccount,
  enableStaffAccount,
} from '../../app/accounts/disable-staff-account.js'
import { createStaffAccount, listAllAccounts } from '../../app/accounts/staff-accounts.js'
import type { AppDeps } from '../../app/app-deps.js'
import { ON_BEHALF_REASON_MAX_LENGTH } from '../../domain/on-behalf-reason.js'
import { AccountOut, StaffAccountBody, toAccountOut } from '../schemas/account.js'
import { PageOut, PagingFields } from '../schemas/paging.js'
import { actorOf } from './registrations.js'

const AccountsQuery = Type.Object({
  ...PagingFields,
  kind: Type.Optional(
    Type.Enum(['staff', 'candidate'], {
      description: "staff: support agents' and admins' accounts only; candidate: candidates' only",
    }),
  ),
})

const StaffAccountParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })

const DisableReasonBody = Type.Object(
  {
    reason: Type.String({
      minLength: 1,
      maxLength: ON_BEHALF_REASON_MAX_LENGTH,
      description: "Why, kept in the audit trail with the admin's name; one line",
      examples: ['Left the support team on 30 November'],
    }),
  },
  { additionalProperties: false },
)

/**
 * `/v1/admin/accounts`: an admin makes support agents' and admins' accounts,
 * lists every account, and disables or enables a staff account.
 */
export function staffAccountRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.post(
      '/admin/accounts',
      {
        schema: {
          operationId: 'createStaffAccount',
          summary:
            "Make a support agent's or an admin's account; the person signs in by mail, which verifies the email",
          tags: ['accounts'],
          'x-problems': ['EMAIL_INVALID', 'ACCOUNT_EMAIL_TAKEN'],
          body: StaffAccountBody,
          response: { 201: AccountOut },
        },
      },
      async (request, reply) => {
        const account = await createStaffAccount(deps, actorOf(request, 'api'), request.body)
        return reply.code(201).send(toAccountOut(account))
      },
    )

    app.get(
      '/admin/accounts',
      {
        schema: {
          operationId: 'listAccounts',
          summary: "Every person's account, oldest first: candidates and staff",
          tags: ['accounts'],
          querystring: AccountsQuery,
          response: { 200: PageOut(AccountOut) },
        },
      },
      async (request) => {
        const { items, total } = await listAllAccounts(deps, request.query)
        return { items: items.map(toAccountOut), total }
      },
    )

    app.post(
      '/admin/accounts/:id/disable',
      {
        schema: {
          operationId: 'disableStaffAccount',
          summary:
            "Disable a support agent's or an admin's account, with a reason: its sessions end at once and it cannot sign in",
          description:
            'Audited on the account with the admin and the reason. Disabling a disabled account changes nothing. Signing in is refused: a passkey answers ACCOUNT_DISABLED, and asking for a sign-in mail mails the address that the account is disabled.',
          tags: ['accounts'],
          'x-problems': [
            'ACCOUNT_NOT_FOUND',
            'ACCOUNT_NOT_STAFF',
            'ACCOUNT_DISABLE_OWN',
            'REAUTHENTICATION_REQUIRED',
          ],
          params: StaffAccountParams,
          body: DisableReasonBody,
          response: { 200: AccountOut },
        },
      },
      async (request) =>
        toAccountOut(
          await disableStaffAccount(
            deps,
            actorOf(request, 'api', request.body.reason, 'reason'),
            request.params.id,
          ),
        ),
    )

    app.post(
      '/admin/accounts/:id/enable',
      {
        schema: {
          operationId: 'enableStaffAccount',
          summary:
            'Enable a disabled staff account again, with a reason: it signs in afresh (its old sessions stay ended)',
          description: 'Audited like disabling. Enabling an enabled account changes nothing.',
          tags: ['accounts'],
          'x-problems': ['ACCOUNT_NOT_FOUND', 'ACCOUNT_NOT_STAFF', 'REAUTHENTICATION_REQUIRED'],
          params: StaffAccountParams,
          body: DisableReasonBody,
          response: { 200: AccountOut },
        },
      },
      async (request) =>
        toAccountOut(
          await enableStaffAccount(
            deps,
            actorOf(request, 'api', request.body.reason, 'reason'),
            request.params.id,
          ),
        ),
    )
  }
}
