import { Type } from 'typebox'
import { MAX_HOURS_AFTER_PREVIOUS } from '../../app/beta/compose-wave.js'
import type { WaveView } from '../../app/beta/get-wave.js'
import { WAVE_AUDIENCES, WAVE_CODE_MODES } from '../../domain/invitation-wave.js'
import { toInstantOut } from './instant.js'
import { Nullable } from './nullable.js'

export const WaveParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })

export const WaveBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, examples: ['Retakes of 71-621'] }),
    audience: Type.Enum([...WAVE_AUDIENCES], {
      description:
        '`retake`: took this beta or another beta of the same live exam; `re-registration`: a cancelled registration for this beta, or a cancelled or missed one for another beta of the same live exam; `roster-rest`: the roster, less earlier waves; `list`: `candidateIds`',
    }),
    codeMode: Type.Enum([...WAVE_CODE_MODES], {
      description:
        '`single-use`: one `beta-invitation` code per invitee, bound to them; `per-wave`: one bearer code for the wave, good for as many registrations as it has invitees',
    }),
    hoursAfterPrevious: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: MAX_HOURS_AFTER_PREVIOUS,
        description:
          'Hours the previous wave must have been open (pauses not counted) before this one may open; default 72',
      }),
    ),
    candidateIds: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
        minItems: 1,
        maxItems: 100_000,
        description: 'Only for `list`',
      }),
    ),
  },
  { additionalProperties: false },
)

export const WaveOut = Type.Object({
  id: Type.String(),
  exam: Type.String(),
  position: Type.Integer(),
  name: Type.String(),
  audience: Type.String(),
  codeMode: Type.String(),
  hoursAfterPrevious: Type.Integer(),
  status: Type.Enum(['draft', 'open', 'paused', 'withdrawn']),
  openedAt: Nullable(Type.String()),
  openFor: Type.Integer({ description: 'Milliseconds of open time, pauses left out' }),
  mayOpenAt: Nullable(Type.String({ description: 'For a draft: the earliest it may open' })),
  code: Nullable(Type.String({ description: 'The bearer code of a per-wave wave' })),
  offerId: Type.String(),
  offerVersion: Type.Integer(),
  invited: Type.Integer(),
  mailed: Type.Integer(),
  delivered: Type.Integer(),
  registered: Type.Integer(),
  seatsLeft: Type.Integer(),
  createdAt: Type.String(),
  withdrawnAt: Nullable(Type.String({ description: 'When it was withdrawn, before opening' })),
  nextWave: Nullable(
    Type.Integer({ description: 'The next wave that may still open, by position; null when none' }),
  ),
  priorityEndsAt: Nullable(
    Type.String({
      description:
        "When this wave's priority ends: the earliest the next wave may open; null without a next wave, or while it cannot be said (a draft, or paused short of it)",
    }),
  ),
  priorityLeftMs: Nullable(
    Type.Integer({
      description:
        'Milliseconds of open time still owed before the next wave may open (0 once it may); null without a next wave',
    }),
  ),
})

export function toWaveOut(view: WaveView) {
  return {
    ...view,
    openedAt: view.openedAt === null ? null : toInstantOut(view.openedAt),
    mayOpenAt: view.mayOpenAt === null ? null : toInstantOut(view.mayOpenAt),
    createdAt: toInstantOut(view.createdAt),
    withdrawnAt: view.withdrawnAt === null ? null : toInstantOut(view.withdrawnAt),
    priorityEndsAt: view.priorityEndsAt === null ? null : toInstantOut(view.priorityEndsAt),
  }
}

export const SelfCheckOut = Type.Object({
  waveId: Type.String(),
  checkedAt: Type.String(),
  passed: Type.Boolean(),
  candidateId: Nullable(
    Type.String({ description: 'The invitee tried; null when all are registered' }),
  ),
  candidateName: Nullable(Type.String()),
  slotId: Nullable(Type.String()),
  channel: Nullable(Type.String({ description: 'The channel that failed: `web` or `phone`' })),
  problemCode: Nullable(Type.String({ description: "The trial registration's own refusal" })),
  problemDetail: Nullable(Type.String()),
  note: Nullable(Type.String()),
})

export const SentWaveOut = Type.Object({
  waveId: Type.String(),
  invited: Type.Integer(),
  enqueuedNow: Type.Integer({ description: 'Invitation mails this request put in the outbox' }),
  alreadyEnqueued: Type.Integer({ description: 'Mails an earlier send had put there already' }),
})
