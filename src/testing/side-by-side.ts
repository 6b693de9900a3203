import { isDeepStrictEqual } from 'node:util'

/** One value on one line: JSON where it can be, with Maps and Sets shown as entries. */
export const renderValue = (value: unknown): string => {
  if (value === undefined) return 'undefined'
  try {
    return (
      JSON.stringify(value, (_key, inner: unknown) => {
        if (inner instanceof Map) return { Map: [...inner] }
        if (inner instanceof Set) return { Set: [...inner] }
        if (typeof inner === 'bigint') return `${inner}n`
        return inner
      }) ?? String(value)
    )
  } catch {
    return String(value)
  }
}

/** How an event is labelled in a listing: its type when it has one, then the rest. */
const renderEvent = (event: unknown): string => {
  if (typeof event === 'object' && event !== null && 'type' in event) {
    const { type, ...rest } = event as { type: unknown }
    return `${String(type)} ${renderValue(rest)}`
  }
  return renderValue(event)
}

/**
 * Expected and actual events in two columns, one row per position; rows that differ are
 * marked with `>`. Deep equality decides whether a row matches.
 */
export const sideBySide = (
  expected: ReadonlyArray<unknown>,
  actual: ReadonlyArray<unknown>,
): string => {
  const rows = Math.max(expected.length, actual.length)
  const left = ['expected']
  const right = ['actual']
  const marks = [' ']
  for (let index = 0; index < rows; index++) {
    const wanted = index < expected.length ? renderEvent(expected[index]) : '(none)'
    const got = index < actual.length ? renderEvent(actual[index]) : '(none)'
    const same =
      index < expected.length &&
      index < actual.length &&
      isDeepStrictEqual(expected[index], actual[index])
    left.push(`${index + 1}. ${wanted}`)
    right.push(`${index + 1}. ${got}`)
    marks.push(same ? ' ' : '>')
  }
  if (rows === 0) {
    left.push('(no events)')
    right.push('(no events)')
    marks.push(' ')
  }
  const width = Math.max(...left.map((cell) => cell.length))
  return left
    .map((cell, row) => `${marks[row] ?? ' '} ${cell.padEnd(width)} | ${right[row] ?? ''}`)
    .join('\n')
}
