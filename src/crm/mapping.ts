import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { NonEmptyString } from '../kernel/event.js'
import { fromValidationErrors, type DecodeFailure } from '../kernel/failure.js'
import type { ChatCaseFields } from './chat-fields.js'
import type { FieldValue } from './events.js'

/** The chat fields a mapping may read; custom fields are named `custom.<name>`. */
export const chatFieldNames = [
  'chatId',
  'missedChat',
  'chatResponded',
  'waitTimeMs',
  'firstResponseMs',
  'agent',
  'department',
  'visitorEmail',
  'transcriptUrl',
] as const
export type ChatFieldName = (typeof chatFieldNames)[number]

const durationFields = new Set<string>(['waitTimeMs', 'firstResponseMs'])

/** The unit a duration is written in; seconds and minutes are rounded to 2 decimals. */
export const DurationUnit = t.keyof({ ms: null, seconds: null, minutes: null })
export type DurationUnit = t.TypeOf<typeof DurationUnit>

/** The configuration as written by a person, before its names are checked. */
export const FieldMappingConfig = t.intersection([
  t.type({
    fields: t.readonlyArray(
      t.intersection([
        t.type({ from: NonEmptyString, to: NonEmptyString }),
        t.partial({ unit: DurationUnit }),
      ]),
    ),
  }),
  t.partial({ customFields: t.readonlyArray(NonEmptyString) }),
])
export type FieldMappingConfig = t.TypeOf<typeof FieldMappingConfig>

export type FieldSource =
  | { readonly kind: 'chat'; readonly name: ChatFieldName }
  | { readonly kind: 'custom'; readonly name: string }

export interface FieldRule {
  readonly source: FieldSource
  /** The CRM field name. */
  readonly target: string
  readonly unit: DurationUnit
}

/** A mapping whose every source field exists and whose CRM names are all distinct. */
export interface FieldMapping {
  readonly rules: ReadonlyArray<FieldRule>
}

/** Names that would change an object's prototype instead of naming a field. */
const reservedTargets = new Set(['__proto__', 'constructor', 'prototype'])
const knownChatFields = new Set<string>(chatFieldNames)

const sourceOf = (from: string, custom: ReadonlySet<string>): E.Either<string, FieldSource> => {
  if (from.startsWith('custom.')) {
    const name = from.slice('custom.'.length)
    if (custom.has(name)) return E.right({ kind: 'custom', name })
    return E.left(`unknown custom field ${JSON.stringify(name)}: declare it in customFields`)
  }
  if (knownChatFields.has(from)) return E.right({ kind: 'chat', name: from as ChatFieldName })
  return E.left(
    `unknown chat field ${JSON.stringify(from)}; known fields: ${chatFieldNames.join(', ')}` +
      ', custom.<name>',
  )
}

/**
 * Reads a field mapping from outside (a JSON file, an API call). Every problem is
 * reported with its path, such as `fields.2.from`: a source field that does not exist,
 * a unit on a field that is not a duration, a CRM field mapped twice.
 */
export const loadFieldMapping = (value: unknown): E.Either<DecodeFailure[], FieldMapping> => {
  const decoded = FieldMappingConfig.decode(value)
  if (E.isLeft(decoded)) return E.left(fromValidationErrors(decoded.left))
  const config = decoded.right

  const failures: DecodeFailure[] = []
  const custom = new Set<string>()
  ;(config.customFields ?? []).forEach((name, index) => {
    if (custom.has(name)) {
      failures.push({ path: `customFields.${index}`, reason: `${name} is declared twice` })
    }
    custom.add(name)
  })

  const targets = new Map<string, number>()
  const rules: FieldRule[] = []
  config.fields.forEach((field, index) => {
    const source = sourceOf(field.from, custom)
    if (E.isLeft(source)) failures.push({ path: `fields.${index}.from`, reason: source.left })
    if (field.unit !== undefined && !durationFields.has(field.from)) {
      const reason = `a unit applies only to waitTimeMs and firstResponseMs, not ${field.from}`
      failures.push({ path: `fields.${index}.unit`, reason })
    }
    const earlier = targets.get(field.to)
    if (reservedTargets.has(field.to)) {
      failures.push({ path: `fields.${index}.to`, reason: `${field.to} cannot be a field name` })
    } else if (earlier !== undefined) {
      const reason = `CRM field ${field.to} is already filled by fields.${earlier}`
      failures.push({ path: `fields.${index}.to`, reason })
    }
    targets.set(field.to, index)
    if (E.isRight(source))
      rules.push({ source: source.right, target: field.to, unit: field.unit ?? 'ms' })
  })

  return failures.length > 0 ? E.left(failures) : E.right({ rules })
}

const inUnit = (milliseconds: number, unit: DurationUnit): number => {
  switch (unit) {
    case 'ms':
      return milliseconds
    case 'seconds':
      return Math.round(milliseconds / 10) / 100
    case 'minutes':
      return Math.round(milliseconds / 600) / 100
  }
}

const read = (fields: ChatCaseFields, rule: FieldRule): FieldValue => {
  if (rule.source.kind === 'custom') return fields.custom.get(rule.source.name) ?? null
  const value = fields[rule.source.name]
  if (typeof value === 'number' && durationFields.has(rule.source.name)) {
    return inUnit(value, rule.unit)
  }
  return value
}

/**
 * The CRM fields of a case: one entry per rule, null where the chat has no value (so the
 * CRM clears a stale one).
 */
export const applyFieldMapping = (
  mapping: FieldMapping,
  fields: ChatCaseFields,
): Readonly<Record<string, FieldValue>> =>
  Object.fromEntries(mapping.rules.map((rule) => [rule.target, read(fields, rule)]))
