import freeMailDomains from 'email-providers/all.json' with { type: 'json' }
import disposableDomains from 'disposable-email-domains/index.json' with { type: 'json' }
import disposableWildcards from 'disposable-email-domains/wildcard.json' with { type: 'json' }

/**
 * Mail domains that say nothing about a visitor's company: free providers (gmail.com,
 * outlook.com, yahoo.co.uk, ...) and throw-away addresses (mailinator.com, ...). A
 * wildcard entry covers its subdomains too, since lookups test every parent of a host.
 */
export interface MailDomainLists {
  readonly free: ReadonlySet<string>
  readonly disposable: ReadonlySet<string>
}

let lists: MailDomainLists | undefined

/** The lists of the `email-providers` and `disposable-email-domains` packages, built once. */
export const defaultMailDomainLists = (): MailDomainLists => {
  lists ??= {
    free: new Set(freeMailDomains.map((domain) => domain.toLowerCase())),
    disposable: new Set(
      [...disposableDomains, ...disposableWildcards].map((domain) => domain.toLowerCase()),
    ),
  }
  return lists
}
