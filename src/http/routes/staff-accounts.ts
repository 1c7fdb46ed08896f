import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import { createStaffAccount, listAllAccounts } from '../../app/accounts/staff-accounts.js'
import type { AppDeps } from '../../app/app-deps.js'
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

/** `/v1/admin/accounts`: an admin makes support agents' and admins' accounts and lists every account. */
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
  }
}
