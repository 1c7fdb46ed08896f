import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import { namesOf } from '../../app/actor.js'
import type { AppDeps } from '../../app/app-deps.js'
import { issueRewardVouchers } from '../../app/beta/issue-reward-vouchers.js'
import { getCandidate } from '../../app/candidates/get-candidate.js'
import { RewardVouchersOut, toRewardVoucherOut } from '../schemas/issued-voucher.js'

/** Issuing codes to candidates: a beta participant's rewards. */
export function voucherIssueRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.post(
      '/candidates/:id/reward-vouchers',
      {
        schema: {
          operationId: 'issueRewardVouchers',
          summary:
            'Make sure a beta participant holds one reward code per beta exam taken (safe to repeat)',
          description:
            'Issues and mails the missing `beta-reward` codes, one per beta exam the candidate sat, under the version of the offer in force now. Answers every reward code of the candidate; `new` marks those this request issued.',
          tags: ['vouchers'],
          'x-problems': ['CANDIDATE_NOT_FOUND', 'OFFER_NOT_FOUND', 'OFFER_CLOSED'],
          params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
          response: { 200: RewardVouchersOut },
        },
      },
      async (request) => {
        const candidate = await getCandidate(deps, request.params.id, 'id')
        const { principal } = request
        const issued = await issueRewardVouchers(deps, {
          candidateId: candidate.id,
          issuedBy: principal.id,
          issuedAs: { role: principal.role, channel: 'api', ...namesOf(principal) },
        })
        return {
          candidateId: issued.candidateId,
          issued: issued.issuedNow,
          items: issued.rewards.map((reward) =>
            toRewardVoucherOut(reward, candidate.timeZone, principal),
          ),
        }
      },
    )
  }
}
