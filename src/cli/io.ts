import { readFile } from 'node:fs/promises'
/** Where a command writes: data to `out`, messages for people to `err`. */
export interface CliIo {
  readonly out: (text: string) => void
  readonly err: (text: string) => void
  /** Whether stderr is a terminal (progress bars and colours only then). */
  readonly errIsTty: boolean
  readonly outIsTty: boolean
  readonly readStdin: () => Promise<string>
}

export const processIo = (): CliIo => ({
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  errIsTty: process.stderr.isTTY === true,
  outIsTty: process.stdout.isTTY === true,
  readStdin: async () => {
    const chunks: Buffer[] = []
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks).toString('utf8')
  },
})

/** A mistake in how a command was called or in a file it was given: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/**
 * Parses a JSON file's text. A byte order mark (some Windows editors write one) is not
 * part of the JSON and is dropped; like `JSON.parse`, throws on text that is not JSON.
 */
export const parseJsonFile = (text: string): unknown =>
  JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown

const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error)

/**
 * Reads a file a person named on the command line, or standard input for `-` when `io` is
 * given. A file that cannot be read is a `UsageError` naming `what` it should have been
 * (`the event log`; empty to name the path alone) and, when given, how to fix it.
 */
export const readNamedFile = async (
  path: string,
  what: string,
  fix?: string,
  io?: CliIo,
): Promise<string> => {
  try {
    return path === '-' && io !== undefined ? await io.readStdin() : await readFile(path, 'utf8')
  } catch (error) {
    const named = what === '' ? path : `${what} ${path}`
    throw new UsageError(
      `cannot read ${named} (${reasonOf(error)})${fix === undefined ? '' : `; ${fix}`}`,
    )
  }
}

/** Reads and parses a JSON file the same way; text that is not JSON is a `UsageError`. */
export const readNamedJson = async (
  path: string,
  what: string,
  fix?: string,
  io?: CliIo,
): Promise<unknown> => {
  const text = await readNamedFile(path, what, fix, io)
  try {
    return parseJsonFile(text)
  } catch (error) {
    throw new UsageError(
      `${what === '' ? path : `${what} ${path}`} is not JSON: ${reasonOf(error)}`,
    )
  }
}

const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/

/**
 * A number typed on the command line, in decimal (`7`, `-0.5`, `1e3`); NaN for anything
 * else. `Number` alone would read a blank as 0 and `0x10` as 16.
 */
export const decimalFrom = (text: string): number =>
  DECIMAL.test(text.trim()) ? Number(text) : Number.NaN
