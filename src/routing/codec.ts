import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { AgentStatus, ChatOrigin } from '../chat/events.js'
import { EpochMs, NonEmptyString, NonNegativeInt, PositiveInt } from '../kernel/event.js'
import { fromValidationErrors } from '../kernel/failure.js'
import type { DecodeFailure } from '../kernel/failure.js'
import type { FloorCommand } from './commands.js'

const command = <Type extends string, R extends t.Props, O extends t.Props>(
  type: Type,
  required: R,
  optional: O,
) =>
  t.intersection([
    t.type({ type: t.literal(type), time: EpochMs, ...required }),
    t.partial(optional),
  ])

const chat = { chatId: NonEmptyString }
const chatAndAgent = { chatId: NonEmptyString, agentId: NonEmptyString }
const agent = { agentId: NonEmptyString }

const requestChat = command('RequestChat', chat, {
  department: NonEmptyString,
  priority: NonNegativeInt,
  origin: ChatOrigin,
  visitorId: NonEmptyString,
  accountId: NonEmptyString,
  email: NonEmptyString,
  agentId: NonEmptyString,
})

const transferChat = command(
  'TransferChat',
  { chatId: NonEmptyString, fromAgentId: NonEmptyString },
  { toAgentId: NonEmptyString, toDepartment: NonEmptyString },
)

const endChat = command(
  'EndChat',
  { chatId: NonEmptyString, by: t.keyof({ agent: null, visitor: null, system: null }) },
  { agentId: NonEmptyString },
)

const profileAgent = command(
  'ProfileAgent',
  {
    agentId: NonEmptyString,
    tier: PositiveInt,
    reserve: t.boolean,
    departments: t.readonlyArray(NonEmptyString),
  },
  { name: NonEmptyString },
)

const setCapLimit = t.union([
  command('SetCapLimit', { scope: t.literal('global'), maxChats: NonNegativeInt }, {}),
  command(
    'SetCapLimit',
    { scope: t.literal('department'), department: NonEmptyString, maxChats: NonNegativeInt },
    {},
  ),
  command('SetCapLimit', { scope: t.literal('agent'), ...agent, maxChats: NonNegativeInt }, {}),
])

type CommandDecoder = t.Decoder<unknown, FloorCommand>

/** One decoder per command type, so a bad field is reported against its own command. */
const decoders = new Map<string, CommandDecoder>([
  ['RequestChat', requestChat],
  ['AcceptOffer', command('AcceptOffer', chatAndAgent, {})],
  ['DeclineOffer', command('DeclineOffer', chatAndAgent, {})],
  ['SendAgentMessage', command('SendAgentMessage', chatAndAgent, { automated: t.boolean })],
  ['SendVisitorMessage', command('SendVisitorMessage', chat, {})],
  ['TransferChat', transferChat],
  ['VisitorLeave', command('VisitorLeave', chat, {})],
  ['EndChat', endChat],
  ['ReopenChat', command('ReopenChat', chat, {})],
  ['SetAgentStatus', command('SetAgentStatus', { ...agent, status: AgentStatus }, {})],
  ['ProfileAgent', profileAgent],
  ['SetCapLimit', setCapLimit],
  ['Tick', command('Tick', {}, {})],
])

/** A floor command from outside (JSON from a host or a file), checked field by field. */
export const decodeFloorCommand = (value: unknown): E.Either<DecodeFailure[], FloorCommand> => {
  const type =
    typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined
  const decoder = typeof type === 'string' ? decoders.get(type) : undefined
  if (decoder === undefined) {
    const known = [...decoders.keys()].join(', ')
    return E.left([{ path: 'type', reason: `expected one of ${known}, got ${String(type)}` }])
  }
  return E.mapLeft(fromValidationErrors)(decoder.decode(value))
}
