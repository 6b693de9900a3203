import type { CliIo } from '../../../src/cli/io.js'

/** A CliIo that keeps what was written and serves a fixed stdin. */
export const fakeIo = (stdin = '') => {
  const written = { out: '', err: '' }
  const io: CliIo = {
    out: (text) => {
      written.out += text
    },
    err: (text) => {
      written.err += text
    },
    errIsTty: false,
    outIsTty: false,
    readStdin: async () => stdin,
  }
  return { io, written }
}
