import { Command, CommanderError } from 'commander'
import type { CliIo } from './io.js'

/** A command module adds its subcommand to the program; its action sets the exit code. */
export type CommandModule = (
  program: Command,
  io: CliIo,
  setExitCode: (code: number) => void,
) => void
export { Command, CommanderError }

/** The `report` group: created by the first command module that needs it. */
export const reportGroup = (program: Command): Command =>
  program.commands.find((command) => command.name() === 'report') ??
  program
    .command('report')
    .description('Reports over an event log: capacity, missed chats, customer health.')
    .addHelpText(
      'after',
      '\nExamples:\n  $ chatfloor report capacity events.jsonl --tz Europe/Berlin\n' +
        '  $ chatfloor report missed events.jsonl --json\n' +
        '  $ chatfloor report health events.jsonl --model model.json\n',
    )
