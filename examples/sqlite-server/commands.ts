import { fromValidationErrors, NonEmptyString, NonNegativeInt, type FloorCommand } from 'chatfloor'
import type { DecodeFailure } from 'chatfloor'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'

const Time = NonNegativeInt

/** The commands this server takes over HTTP; the floor has a few more. */
const CommandCodec = t.union([
  t.intersection([
    t.type({ type: t.literal('RequestChat'), time: Time, chatId: NonEmptyString }),
    t.partial({ department: NonEmptyString, priority: NonNegativeInt }),
  ]),
  t.type({
    type: t.literal('ProfileAgent'),
    time: Time,
    agentId: NonEmptyString,
    tier: NonNegativeInt,
    reserve: t.boolean,
    departments: t.array(NonEmptyString),
  }),
  t.type({
    type: t.literal('SetAgentStatus'),
    time: Time,
    agentId: NonEmptyString,
    status: t.keyof({ online: null, away: null, offline: null }),
  }),
  t.type({
    type: t.literal('SendAgentMessage'),
    time: Time,
    chatId: NonEmptyString,
    agentId: NonEmptyString,
  }),
  t.type({ type: t.literal('SendVisitorMessage'), time: Time, chatId: NonEmptyString }),
  t.type({ type: t.literal('VisitorLeave'), time: Time, chatId: NonEmptyString }),
  t.intersection([
    t.type({
      type: t.literal('EndChat'),
      time: Time,
      chatId: NonEmptyString,
      by: t.keyof({ agent: null, visitor: null, system: null }),
    }),
    t.partial({ agentId: NonEmptyString }),
  ]),
  t.type({ type: t.literal('Tick'), time: Time }),
])

/** A command from a request body; every failure names its path. */
export const decodeCommand = (body: unknown): E.Either<DecodeFailure[], FloorCommand> => {
  const decoded = CommandCodec.decode(body)
  return E.isLeft(decoded) ? E.left(fromValidationErrors(decoded.left)) : E.right(decoded.right)
}
