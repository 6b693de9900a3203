import { Command, CommanderError } from 'commander'
import { createRequire } from 'node:module'
import { processIo, UsageError, type CliIo } from './io.js'
import type { CommandModule } from './program.js'
import { registerStaffing } from './commands/staffing.js'
import { healthCommand } from './commands/health.js'
import { npsCommand } from './commands/nps.js'
import { registerImport } from './commands/import.js'
import { registerReport } from './commands/report.js'
import { simulateCommand } from './commands/simulate.js'
import { demoCommand } from './commands/demo.js'

const commandModules: ReadonlyArray<CommandModule> = [
  registerStaffing,
  healthCommand,
  npsCommand,
  registerImport,
  registerReport,
  simulateCommand,
  demoCommand,
]

const packageVersion = (): string => {
  const require = createRequire(import.meta.url)
  const manifest = require('../../package.json') as { version: string }
  return manifest.version
}

const buildProgram = (io: CliIo, setExitCode: (code: number) => void): Command => {
  const program = new Command('chatfloor')
    .description('Run the operations floor of a live-chat team from its event log.')
    .version(packageVersion(), '-v, --version')
    .exitOverride()
    .configureOutput({
      writeOut: io.out,
      writeErr: io.err,
      outputError: (text, write) => write(text),
    })
    .showHelpAfterError('(run with --help for usage and an example)')
  for (const register of commandModules) register(program, io, setExitCode)
  return program
}

/**
 * Runs the command line and resolves to the exit code: 0 when it worked, 1 when nothing
 * could be done with the input, 2 for a bad argument or file.
 */
export const main = async (
  argv: ReadonlyArray<string>,
  io: CliIo = processIo(),
): Promise<number> => {
  let exitCode = 0
  const program = buildProgram(io, (code) => {
    exitCode = code
  })
  try {
    await program.parseAsync([...argv], { from: 'user' })
    return exitCode
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2
    }
    if (error instanceof UsageError) {
      io.err(`chatfloor: ${error.message}\n`)
      return 2
    }
    const message = error instanceof Error ? error.message : String(error)
    io.err(`chatfloor: unexpected failure: ${message}\n`)
    return 1
  }
}
