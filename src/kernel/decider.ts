import type * as E from 'fp-ts/lib/Either.js'

/**
 * The shape of every domain module: what the world looks like before anything happened,
 * what a command leads to given the state, and how a fact changes the state.
 *
 * `decide` never throws for a command that cannot be carried out: it returns the domain
 * error as a value. `evolve` must accept every event `decide` can produce.
 */
export interface Decider<Command, Event, State, DomainError> {
  readonly initialState: State
  readonly decide: (command: Command, state: State) => E.Either<DomainError, ReadonlyArray<Event>>
  readonly evolve: (state: State, event: Event) => State
}

/** Folds events into a state with a decider's `evolve`. */
export const evolveAll = <Event, State>(
  evolve: (state: State, event: Event) => State,
  state: State,
  events: Iterable<Event>,
): State => {
  let current = state
  for (const event of events) current = evolve(current, event)
  return current
}
