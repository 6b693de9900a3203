import { main } from './main.js'

// A reader that stops early (`chatfloor ... | head`) closes the pipe: stop quietly, since
// what it wanted was printed. Any other failure of stdout is a message, not a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE')
    process.stderr.write(`chatfloor: cannot write stdout: ${error.message}\n`)
  process.exit(error.code === 'EPIPE' ? 0 : 1)
})

process.exitCode = await main(process.argv.slice(2))
