import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import { confirmEmailChangeWithCode } from '../../app/accounts/confirm-email-change.js'
import {
  requestOwnEmailChange,
  requestStaffEmailChange,
} from '../../app/accounts/request-email-change.js'
import type { AppDeps } from '../../app/app-deps.js'
import {
  AccountOut,
  EmailChangeCodeBody,
  MailSentOut,
  NewEmailBody,
  toAccountOut,
} from '../schemas/account.js'
import { signInClientOf } from '../sign-in-client.js'
import { actorOf } from './registrations.js'

const AccountParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })

const MAIL_SENT = {
  message:
    'A mail with a link and a code that confirm the new email is on its way to it; both work once, for 15 minutes. The email changes only once it is confirmed.',
}

/**
 * Changing an account's email: a signed-in person asks for their own
 * (`/v1/me/email`) and confirms it with the mailed code (or the link, a page
 * outside `/v1`); an admin asks for a staff account's. Asking answers the
 * same whether or not another account has the new address.
 */
export function emailChangeRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.post(
      '/me/email',
      {
        schema: {
          operationId: 'requestMyEmailChange',
          summary:
            'Change my email: the new address is mailed a link and a code that confirm it (the same answer when another account has it)',
          description:
            'The email changes only once the link or the code is used (each once, within 15 minutes); a new request replaces one not yet confirmed. An address another account has gets a mail saying so instead. Sessions stay signed in.',
          tags: ['accounts'],
          'x-problems': [
            'ACCOUNT_REQUIRED',
            'REAUTHENTICATION_REQUIRED',
            'EMAIL_INVALID',
            'EMAIL_UNCHANGED',
            'EMAIL_CHANGE_THROTTLED',
          ],
          body: NewEmailBody,
          response: { 202: MailSentOut },
        },
      },
      async (request, reply) => {
        await requestOwnEmailChange(deps, request.principal, request.body, signInClientOf(request))
        return reply.code(202).send(MAIL_SENT)
      },
    )

    app.post(
      '/me/email/confirm',
      {
        schema: {
          operationId: 'confirmMyEmailChange',
          summary:
            "Confirm my new email with the code mailed to it: the account's email (and a candidate's record's) changes now",
          description:
            'The address it had is told by mail. Five wrong codes end the request; wrong codes count against the network address together with wrong sign-in codes.',
          tags: ['accounts'],
          'x-problems': [
            'ACCOUNT_REQUIRED',
            'EMAIL_CHANGE_CODE_INVALID',
            'ACCOUNT_EMAIL_TAKEN',
            'TOO_MANY_ATTEMPTS',
          ],
          body: EmailChangeCodeBody,
          response: { 200: Type.Object({ account: AccountOut }) },
        },
      },
      async (request) => {
        const changed = await confirmEmailChangeWithCode(
          deps,
          request.principal,
          request.body,
          signInClientOf(request),
        )
        return { account: toAccountOut(changed.account) }
      },
    )

    app.post(
      '/admin/accounts/:id/email',
      {
        schema: {
          operationId: 'requestStaffEmailChange',
          summary:
            "Change a staff account's email: the new address is mailed a link and a code, and the email changes once the staff member confirms it",
          description:
            'The same answer when another account has the new address, which is mailed that it has one. A candidate changes their own email (POST /v1/me/email).',
          tags: ['accounts'],
          'x-problems': [
            'ACCOUNT_NOT_FOUND',
            'ACCOUNT_NOT_STAFF',
            'REAUTHENTICATION_REQUIRED',
            'EMAIL_INVALID',
            'EMAIL_UNCHANGED',
            'EMAIL_CHANGE_THROTTLED',
          ],
          params: AccountParams,
          body: NewEmailBody,
          response: { 202: MailSentOut },
        },
      },
      async (request, reply) => {
        await requestStaffEmailChange(
          deps,
          actorOf(request, 'api'),
          request.params.id,
          request.body,
          signInClientOf(request),
        )
        return reply.code(202).send(MAIL_SENT)
      },
    )
  }
}
