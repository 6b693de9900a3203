import type { CommandModule } from '../program.js'
import { registerCapacityReport } from './report-capacity.js'
import { registerMissedReport } from './report-missed.js'

/** `chatfloor report capacity ...` and `chatfloor report missed ...` */
export const registerReport: CommandModule = (program, io, setExitCode) => {
  const report = program.command('report').description('Reports over an event log.')
  registerCapacityReport(report, io, setExitCode)
  registerMissedReport(report, io, setExitCode)
}
