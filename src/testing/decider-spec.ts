import * as E from 'fp-ts/lib/Either.js'
import { isDeepStrictEqual } from 'node:util'
import { evolveAll, type Decider } from '../kernel/decider.js'
import { renderValue, sideBySide } from './side-by-side.js'

/** Thrown by a decider spec whose outcome is not the expected one; the message says how. */
export class DeciderSpecFailure extends Error {
  override readonly name = 'DeciderSpecFailure'
}

export interface DeciderThen<Event, DomainError> {
  /** The command must be accepted and produce exactly these events, in this order. */
  readonly then: (expected: ReadonlyArray<Event>) => void
  /** The command must be refused with exactly this error (deep equality). */
  readonly thenFails: (expected: DomainError) => void
  /** The command must be refused with an error the check accepts. */
  readonly thenFailsWhere: (check: (error: DomainError) => boolean, description: string) => void
}

export interface DeciderGiven<Command, Event, DomainError> {
  readonly when: (command: Command) => DeciderThen<Event, DomainError>
}

export interface DeciderSpec<Command, Event, DomainError> {
  readonly given: (events: ReadonlyArray<Event>) => DeciderGiven<Command, Event, DomainError>
}

const heading = (given: ReadonlyArray<unknown>, command: unknown): string =>
  `given ${given.length} event${given.length === 1 ? '' : 's'}, ` + `when ${renderValue(command)}`

/**
 * Given/When/Then for a decider: the given events are folded with `evolve` from the
 * initial state, the command is decided against that state, and the outcome is compared.
 * Works with any test runner: a failed expectation throws a `DeciderSpecFailure` whose
 * message lists the expected and the actual events side by side.
 *
 * @example
 * deciderSpec(chatDecider).given([requested]).when(assign).then([assigned])
 */
export const deciderSpec = <Command, Event, State, DomainError>(
  decider: Decider<Command, Event, State, DomainError>,
): DeciderSpec<Command, Event, DomainError> => ({
  given: (given) => ({
    when: (command) => {
      const outcome = (): E.Either<DomainError, ReadonlyArray<Event>> =>
        decider.decide(command, evolveAll(decider.evolve, decider.initialState, given))
      const title = heading(given, command)

      const then = (expected: ReadonlyArray<Event>): void => {
        const result = outcome()
        if (E.isLeft(result)) {
          throw new DeciderSpecFailure(
            `${title}\nexpected ${expected.length} event(s), but the command was refused ` +
              `with ${renderValue(result.left)}\n${sideBySide(expected, [])}`,
          )
        }
        if (!isDeepStrictEqual(expected, result.right)) {
          throw new DeciderSpecFailure(
            `${title}\nthe events differ (rows marked > differ)\n` +
              sideBySide(expected, result.right),
          )
        }
      }

      const refusedWith = (matches: (error: DomainError) => boolean, wanted: string): void => {
        const result = outcome()
        if (E.isRight(result)) {
          throw new DeciderSpecFailure(
            `${title}\nexpected the command to be refused with ${wanted}, but it was ` +
              `accepted\n${sideBySide([], result.right)}`,
          )
        }
        if (!matches(result.left)) {
          throw new DeciderSpecFailure(
            `${title}\nthe command was refused with another error\n` +
              `  expected | ${wanted}\n  actual   | ${renderValue(result.left)}`,
          )
        }
      }

      return {
        then,
        thenFails: (expected) =>
          refusedWith((error) => isDeepStrictEqual(error, expected), renderValue(expected)),
        thenFailsWhere: (check, description) => refusedWith(check, description),
      }
    },
  }),
})
