import * as E from 'fp-ts/lib/Either.js'
import { npsOf, parseNpsAnswer, type NpsInterval, type NpsSummary } from '../../health/nps.js'
import { UsageError, type CliIo } from '../io.js'
import type { CommandModule } from '../program.js'

const examples = `
Examples:
  $ chatfloor nps 10 9 7 3
  NPS 25.0 from 4 answers (2 promoters, 1 passive, 1 detractor)
  $ cut -d, -f3 answers.csv | chatfloor nps - --json

Answers are whole numbers from 0 to 10: 9-10 promoters, 7-8 passives, 0-6 detractors.
The interval is 95 % adjusted Wald. Figures print with one decimal; --json keeps them raw.
`

/** Reads answers from arguments, or from stdin (one a line) where an argument is `-`. */
const readAnswers = async (args: ReadonlyArray<string>, io: CliIo): Promise<number[]> => {
  const answers: number[] = []
  for (const [index, arg] of args.entries()) {
    if (arg === '-') {
      const lines = (await io.readStdin()).split('\n')
      for (const [lineIndex, line] of lines.entries()) {
        if (line.trim() === '') continue
        const parsed = parseNpsAnswer(line)
        if (E.isLeft(parsed)) throw new UsageError(`stdin line ${lineIndex + 1}: ${parsed.left}`)
        answers.push(parsed.right)
      }
      continue
    }
    const parsed = parseNpsAnswer(arg)
    if (E.isLeft(parsed)) throw new UsageError(`answer ${index + 1}: ${parsed.left}`)
    answers.push(parsed.right)
  }
  return answers
}

const oneDecimal = (value: number): string => value.toFixed(1)

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`

const intervalText = (interval: NpsInterval): string =>
  `${oneDecimal(interval[0])} to ${oneDecimal(interval[1])}`

/** The NPS for people: one decimal, the intervals spelled out. */
export const formatNps = (summary: NpsSummary): string => {
  if (summary.nps === undefined || summary.interval === undefined) return 'no answers: no NPS\n'
  const counts =
    `${plural(summary.promoters, 'promoter')}, ${plural(summary.passives, 'passive')}, ` +
    `${plural(summary.detractors, 'detractor')}`
  const lines = [
    `NPS ${oneDecimal(summary.nps)} from ${plural(summary.responses, 'answer')} (${counts})`,
    `95 % interval (adjusted Wald): ${intervalText(summary.interval)}`,
  ]
  if (summary.plainInterval !== undefined) {
    lines.push(`95 % interval (plain Wald):    ${intervalText(summary.plainInterval)}`)
  }
  return lines.join('\n') + '\n'
}

/** JSON with every figure unrounded and `null` where there is no NPS. */
export const npsJson = (summary: NpsSummary) => ({
  responses: summary.responses,
  promoters: summary.promoters,
  passives: summary.passives,
  detractors: summary.detractors,
  nps: summary.nps ?? null,
  interval: summary.interval ?? null,
  plainInterval: summary.plainInterval ?? null,
})

export const npsCommand: CommandModule = (program, io, setExitCode) => {
  program
    .command('nps')
    .description('Net Promoter Score of 0-10 survey answers, with its 95 % interval.')
    .argument('<answers...>', 'answers 0-10, or - to read them from stdin, one a line')
    .option('--json', 'print JSON (responses, promoters, passives, detractors, nps, interval)')
    .addHelpText('after', examples)
    .action(async (args: string[], options: { json?: boolean }) => {
      const summary = npsOf(await readAnswers(args, io))
      if (summary.responses === 0) {
        io.err('chatfloor: no answers were read (stdin was empty); pass answers 0-10\n')
        setExitCode(1)
      }
      io.out(options.json === true ? JSON.stringify(npsJson(summary)) + '\n' : formatNps(summary))
    })
}
