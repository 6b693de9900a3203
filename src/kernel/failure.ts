import type * as t from 'io-ts'

/** Why a value from outside was refused: where in the value, and what was wrong there. */
export interface DecodeFailure {
  /** Dotted path into the value, such as `payload.maxChats`; empty for the value itself. */
  readonly path: string
  readonly reason: string
}

/** A line of JSON Lines input that was refused, with its 1-based line number. */
export interface RejectedLine extends DecodeFailure {
  readonly line: number
}

const describe = (value: unknown): string => {
  if (value === undefined) return 'nothing'
  try {
    const json = JSON.stringify(value)
    return json.length > 60 ? json.slice(0, 60) + '…' : json
  } catch {
    return String(value)
  }
}

/** Combinators whose children are alternatives or parts, not places in the value. */
const transparent = new Set(['UnionType', 'IntersectionType', 'RefinementType', 'ExactType'])

const pathOf = (context: t.Context): string[] => {
  const keys: string[] = []
  for (let i = 1; i < context.length; i++) {
    const parent = context[i - 1]
    const entry = context[i]
    if (parent === undefined || entry === undefined) continue
    const tag = (parent.type as { _tag?: string })._tag
    if (tag !== undefined && transparent.has(tag)) continue
    keys.push(entry.key)
  }
  return keys
}

/**
 * Turns io-ts errors into failures a person can act on: the path into the value, the
 * type that was expected there and what was found. One failure per distinct path.
 */
export const fromValidationErrors = (errors: t.Errors, prefix = ''): DecodeFailure[] => {
  const byPath = new Map<string, DecodeFailure>()
  for (const error of errors) {
    const path = [prefix, ...pathOf(error.context)].filter((part) => part !== '').join('.')
    if (byPath.has(path)) continue
    const expected = error.context[error.context.length - 1]?.type.name ?? 'a valid value'
    const reason = error.message ?? `expected ${expected}, got ${describe(error.value)}`
    byPath.set(path, { path, reason })
  }
  return [...byPath.values()]
}

/** One line of text for a failure: `payload.maxChats: expected ..., got -1`. */
export const formatFailure = (failure: DecodeFailure): string =>
  failure.path === '' ? failure.reason : `${failure.path}: ${failure.reason}`
