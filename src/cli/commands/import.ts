import { writeFile } from 'node:fs/promises'
import * as E from 'fp-ts/lib/Either.js'
import { importAnonymousBank } from '../../importing/anonymous-bank.js'
import { encodeJsonLines } from '../../kernel/jsonl.js'
import { decimalFrom, UsageError, readNamedFile } from '../io.js'
import type { CommandModule } from '../program.js'
import { checkTimeZone } from './event-log.js'

interface ImportOptions {
  readonly out: string
  readonly tz: string
  readonly onlineGap: string
}

const EXAMPLE = `
Example:
  $ chatfloor import anonymous-bank ../shared/data/anonymous-bank-1999-08/calls.csv \\
      --out bank.jsonl --tz Asia/Jerusalem

Each call that sought an agent becomes a chat; agents are online over runs of the calls
they served (a gap longer than --online-gap minutes starts a new run), one chat at a time.
Rows that cannot be read are listed on stderr with their line number and skipped.`

const parseGapMinutes = (text: string): number => {
  const minutes = decimalFrom(text)
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new UsageError(`--online-gap must be a number of minutes from 0 up, got "${text}"`)
  }
  return minutes * 60_000
}

/** `chatfloor import anonymous-bank <calls.csv> --out <events.jsonl> [--tz <zone>]` */
export const registerImport: CommandModule = (program, io, setExitCode) => {
  const importing = program
    .command('import')
    .description('Turn an outside log into chatfloor events (JSON Lines).')
  importing
    .command('anonymous-bank')
    .description('Import the Anonymous Bank call-centre log (CSV).')
    .argument('<calls.csv>', 'the call log')
    .requiredOption('--out <events.jsonl>', 'where to write the events')
    .option('--tz <zone>', 'IANA zone the log’s wall-clock times are in', 'Asia/Jerusalem')
    .option('--online-gap <minutes>', 'gap between served calls that ends an online span', '30')
    .addHelpText('after', EXAMPLE)
    .action(async (csvPath: string, options: ImportOptions) => {
      const timeZone = checkTimeZone(options.tz)
      const onlineGapMs = parseGapMinutes(options.onlineGap)
      const text = await readNamedFile(csvPath, '', 'pass the calls.csv file')

      const imported = importAnonymousBank(text, { timeZone, onlineGapMs })
      if (E.isLeft(imported)) {
        throw new UsageError(`${csvPath}: ${imported.left}; is this the Anonymous Bank calls.csv?`)
      }
      const { events, rejected, summary } = imported.right
      for (const rejection of rejected) {
        io.err(`${csvPath}: line ${rejection.line}: ${rejection.reason}\n`)
      }
      try {
        await writeFile(options.out, encodeJsonLines(events))
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error)
        throw new UsageError(`cannot write ${options.out} (${reason}); pick a writable path`)
      }
      io.err(
        `imported ${summary.rows} rows: ${summary.chats} chats (${summary.answered} answered, ` +
          `${summary.leftInQueue} left in queue), ${summary.phantoms} phantom calls and ` +
          `${summary.hungUpInVru} hung up in the VRU skipped, ${summary.rejected} rows rejected; ` +
          `${summary.agents} agents over ${summary.onlineSpans} online spans; ` +
          `${events.length} events written to ${options.out}\n`,
      )
      if (events.length === 0) setExitCode(1)
    })
}
