import { createDraft, enableMapSet, produce } from 'immer'
import type { FloorEvent } from '../chat/events.js'
import type { Decider } from '../kernel/decider.js'
import { apply } from './apply.js'
import type { FloorCommand } from './commands.js'
import { execute } from './decide.js'
import type { FloorError } from './errors.js'
import { floorOver } from './floor.js'
import type { FloorSettings } from './settings.js'
import type { FloorState } from './state.js'
import { initialFloorState } from './state.js'
import { nextDueAt } from './timers.js'

/**
 * The floor as a pure decider. `decide` carries the command out on a throw-away immer
 * draft and returns the events; `evolve` applies one event to a new state. Both run the
 * same rules as `FloorEngine`; use the engine for long runs, this for tests and small
 * floors.
 */
export const floorDecider = (
  settings: FloorSettings,
): Decider<FloorCommand, FloorEvent, FloorState, FloorError> => {
  enableMapSet()
  return {
    initialState: produce(initialFloorState(), () => undefined),
    decide: (command, state) => execute(floorOver(createDraft(state), settings), command),
    evolve: (state, event) =>
      produce(state, (draft) => {
        apply(floorOver(draft, settings), event)
      }),
  }
}

/** When a decider-held floor next needs a Tick (epoch ms), or undefined when nothing is due. */
export const floorNextDueAt = (state: FloorState): number | undefined => nextDueAt({ state })
