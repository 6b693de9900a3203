import * as E from 'fp-ts/lib/Either.js'
import type { FloorEvent } from '../chat/events.js'
import { chatCaseFields, type ChatCaseExtras } from './chat-fields.js'
import { applyFieldMapping, type FieldMapping } from './mapping.js'
import type { OutboxCommand } from './outbox.js'

/**
 * The outbox command for a chat that ended: its fields folded from its events, mapped to
 * CRM names. The case id is the chat id unless the host names another.
 */
export const prepareChatCase = (request: {
  readonly events: ReadonlyArray<FloorEvent>
  readonly mapping: FieldMapping
  readonly connectionId: string
  /** Epoch ms. */
  readonly time: number
  readonly caseId?: string
  readonly extras?: ChatCaseExtras
}): E.Either<string, Extract<OutboxCommand, { type: 'PrepareCase' }>> => {
  const fields = chatCaseFields(request.events, request.extras)
  if (E.isLeft(fields)) return fields
  return E.right({
    type: 'PrepareCase',
    time: request.time,
    caseId: request.caseId ?? fields.right.chatId,
    connectionId: request.connectionId,
    fields: applyFieldMapping(request.mapping, fields.right),
  })
}
