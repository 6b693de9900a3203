import type * as t from 'io-ts'
import type { Catalogue } from './catalogue.js'
import type { EventEnvelope } from './envelope.js'

/** One payload field as documented: its name, type in words, and whether it must be there. */
export interface FieldDescription {
  readonly name: string
  readonly type: string
  readonly required: boolean
}

/** One event type as documented, read from its codec so it cannot drift from the code. */
export interface EventDescription {
  readonly type: string
  readonly version: number
  /** Alternative payload shapes; most events have exactly one. */
  readonly shapes: ReadonlyArray<ReadonlyArray<FieldDescription>>
}

type Node = t.Mixed & { readonly _tag?: string }

const fieldsOf = (codec: Node): ReadonlyArray<ReadonlyArray<FieldDescription>> => {
  switch (codec._tag) {
    case 'InterfaceType':
    case 'PartialType':
    case 'ExactType': {
      const inner = codec as unknown as { props?: t.Props; type?: Node }
      if (inner.props === undefined) return inner.type ? fieldsOf(inner.type) : [[]]
      const required = codec._tag !== 'PartialType'
      return [
        Object.entries(inner.props).map(([name, field]) => ({ name, type: field.name, required })),
      ]
    }
    case 'IntersectionType': {
      const parts = (codec as unknown as { types: Node[] }).types.map(fieldsOf)
      return parts.reduce<ReadonlyArray<ReadonlyArray<FieldDescription>>>(
        (shapes, part) => shapes.flatMap((shape) => part.map((extra) => [...shape, ...extra])),
        [[]],
      )
    }
    case 'UnionType':
      return (codec as unknown as { types: Node[] }).types.flatMap(fieldsOf)
    default:
      return [[{ name: '(value)', type: codec.name, required: true }]]
  }
}

/** Describes every event type of a catalogue, sorted by type name. */
export const describeCatalogue = <Event extends EventEnvelope>(
  catalogue: Catalogue<Event>,
): ReadonlyArray<EventDescription> =>
  [...catalogue.definitions.values()]
    .map((definition) => ({
      type: definition.type,
      version: definition.version,
      shapes: fieldsOf(definition.payload as unknown as Node),
    }))
    .sort((a, b) => a.type.localeCompare(b.type))
