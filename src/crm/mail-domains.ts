import { createRequire } from 'node:module'

/**
 * Mail domains that say nothing about a visitor's company: free providers (gmail.com,
 * outlook.com, yahoo.co.uk, ...) and throw-away addresses (mailinator.com, ...). A
 * wildcard entry covers its subdomains too, since lookups test every parent of a host.
 */
export interface MailDomainLists {
  readonly free: ReadonlySet<string>
  readonly disposable: ReadonlySet<string>
}

/**
 * The lists ship as JSON files, read with a `require` made for this module: JSON import
 * attributes do not survive the bundler, and the CommonJS build has no `import.meta`.
 */
const load = (path: string): ReadonlyArray<string> => {
  const here = typeof __filename === 'string' ? __filename : import.meta.url
  const value: unknown = createRequire(here)(path)
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) {
    throw new Error(`${path} is not a list of domains; reinstall the package`)
  }
  return value
}

let lists: MailDomainLists | undefined

/** The lists of the `email-providers` and `disposable-email-domains` packages, built once. */
export const defaultMailDomainLists = (): MailDomainLists => {
  lists ??= {
    free: new Set(load('email-providers/all.json').map((domain) => domain.toLowerCase())),
    disposable: new Set(
      [
        ...load('disposable-email-domains/index.json'),
        ...load('disposable-email-domains/wildcard.json'),
      ].map((domain) => domain.toLowerCase()),
    ),
  }
  return lists
}
