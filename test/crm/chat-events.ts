import type { FloorEvent, FloorEventOf, FloorEventType } from '../../src/chat/events.js'

/** Builds the events of one chat in order, with envelope fields filled in. */
export const chatLog = (chatId = 'c1') => {
  const events: FloorEvent[] = []
  const add = <T extends FloorEventType>(
    type: T,
    time: number,
    payload: FloorEventOf<T>['payload'],
  ) => {
    const seq = events.length + 1
    const event = {
      id: `${chatId}-${seq}`,
      stream: chatId,
      seq,
      type,
      version: 1,
      time,
      tenant: 't',
      payload,
    }
    events.push(event as FloorEvent)
    return builder
  }
  const builder = { add, events }
  return builder
}
