import * as E from 'fp-ts/lib/Either.js'
import { RawEnvelope, type EventEnvelope } from './envelope.js'
import type { EventDefinition, EventOf } from './event.js'
import { fromValidationErrors, type DecodeFailure } from './failure.js'

/**
 * The set of event types a reader understands. `decode` validates the envelope, upcasts
 * an older payload to the current version and validates it; anything else is a failure
 * that names the path and the reason.
 */
export interface Catalogue<Event extends EventEnvelope> {
  readonly definitions: ReadonlyMap<string, EventDefinition>
  readonly decode: (value: unknown) => E.Either<DecodeFailure[], Event>
  /** Whether this catalogue knows an event type at all. */
  readonly knows: (type: string) => boolean
}

type DefinitionsUnion<Defs extends ReadonlyArray<EventDefinition>> = EventOf<Defs[number]>

const failure = (path: string, reason: string): E.Either<DecodeFailure[], never> =>
  E.left([{ path, reason }])

const upcast = (
  definition: EventDefinition,
  storedVersion: number,
  payload: unknown,
): E.Either<DecodeFailure[], unknown> => {
  let current = payload
  for (let version = storedVersion; version < definition.version; version++) {
    const step = definition.upcasters[version - 1]
    if (step === undefined) {
      return failure('version', `no upcaster from version ${version} of ${definition.type}`)
    }
    try {
      current = step(current)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      return failure('payload', `cannot upcast ${definition.type} v${version}: ${reason}`)
    }
  }
  return E.right(current)
}

/** Builds a catalogue from event definitions; a type declared twice is a programming error. */
export const makeCatalogue = <const Defs extends ReadonlyArray<EventDefinition>>(
  definitions: Defs,
): Catalogue<DefinitionsUnion<Defs>> => {
  const byType = new Map<string, EventDefinition>()
  for (const definition of definitions) {
    if (byType.has(definition.type)) {
      throw new Error(`event type ${definition.type} is declared twice`)
    }
    byType.set(definition.type, definition)
  }

  const decode = (value: unknown): E.Either<DecodeFailure[], DefinitionsUnion<Defs>> => {
    if (!RawEnvelope.is(value)) {
      const result = RawEnvelope.decode(value)
      return E.isLeft(result)
        ? E.left(fromValidationErrors(result.left))
        : failure('', 'not an event envelope')
    }
    const definition = byType.get(value.type)
    if (definition === undefined) return failure('type', `unknown event type ${value.type}`)
    if (value.version > definition.version) {
      return failure(
        'version',
        `${value.type} version ${value.version} is newer than this reader (${definition.version})`,
      )
    }

    // Fast path: a current payload that already fits needs no copy.
    if (value.version === definition.version && definition.payload.is(value.payload)) {
      return E.right(value as DefinitionsUnion<Defs>)
    }

    const lifted = upcast(definition, value.version, value.payload)
    if (E.isLeft(lifted)) return lifted
    const payload = definition.payload.decode(lifted.right)
    if (E.isLeft(payload)) return E.left(fromValidationErrors(payload.left, 'payload'))
    return E.right({
      ...value,
      version: definition.version,
      payload: payload.right,
    } as DefinitionsUnion<Defs>)
  }

  return { definitions: byType, decode, knows: (type) => byType.has(type) }
}

/** Joins catalogues of several modules into one reader. */
export const mergeCatalogues = <A extends EventEnvelope, B extends EventEnvelope>(
  first: Catalogue<A>,
  second: Catalogue<B>,
): Catalogue<A | B> =>
  makeCatalogue([...first.definitions.values(), ...second.definitions.values()]) as Catalogue<A | B>
