import { reportGroup, type CommandModule } from '../program.js'
import { registerCapacityReport } from './report-capacity.js'
import { registerMissedReport } from './report-missed.js'

/** `chatfloor report capacity ...` and `chatfloor report missed ...` */
export const registerReport: CommandModule = (program, io, setExitCode) => {
  const report = reportGroup(program)
  registerCapacityReport(report, io, setExitCode)
  registerMissedReport(report, io, setExitCode)
}
