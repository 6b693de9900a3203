import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { domainToASCII } from 'node:url'
import { parse } from 'tldts'
import { NonEmptyString } from '../kernel/event.js'
import { fromValidationErrors, type DecodeFailure } from '../kernel/failure.js'
import { defaultMailDomainLists, type MailDomainLists } from './mail-domains.js'

/**
 * An account claims a mail domain: exactly that host, and with `includeSubdomains` every
 * host below it too. Nothing else: a visitor at `x.acme.com` never reaches an account
 * keyed `acme.com` that did not claim its subdomains.
 */
export const AccountDomainsConfig = t.readonlyArray(
  t.intersection([
    t.type({ accountId: NonEmptyString, domain: NonEmptyString }),
    t.partial({ includeSubdomains: t.boolean }),
  ]),
)

export interface AccountClaim {
  readonly accountId: string
  /** Lower case, without a trailing dot. */
  readonly domain: string
  readonly includeSubdomains: boolean
}

export interface AccountDirectory {
  readonly byDomain: ReadonlyMap<string, AccountClaim>
}

export type AccountLookup =
  | { readonly kind: 'matched'; readonly accountId: string; readonly claim: AccountClaim }
  | {
      readonly kind: 'unmatched'
      readonly why: 'no-account' | 'free-mail' | 'disposable' | 'malformed'
      readonly reason: string
    }

interface Host {
  readonly hostname: string
  /** The host and its parents, longest first, down to the registrable domain. */
  readonly candidates: ReadonlyArray<string>
}

/** A host name an address or a claim may use, or why not. */
const hostOf = (raw: string): E.Either<string, Host> => {
  if (raw.startsWith('[')) return E.left(`${raw} is an address literal, not a domain`)
  // Unicode and punycode spellings of one domain are the same domain.
  const name = domainToASCII(raw.replace(/\.$/, ''))
  if (name === '') return E.left(`${raw} is not a valid domain name`)
  const parsed = parse(name, { allowPrivateDomains: true })
  if (parsed.isIp === true) return E.left(`${raw} is an IP address, not a domain`)
  if (parsed.hostname === null || parsed.hostname !== name) {
    return E.left(`${raw} is not a valid domain name`)
  }
  if (parsed.isIcann !== true && parsed.isPrivate !== true) {
    return E.left(`${raw} does not end in a known public suffix`)
  }
  if (parsed.domain === null) {
    return E.left(`${raw} is a public suffix, which nobody can own`)
  }
  const labels = name.split('.')
  const depth = parsed.domain.split('.').length
  const candidates: string[] = []
  for (let start = 0; labels.length - start >= depth; start++) {
    candidates.push(labels.slice(start).join('.'))
  }
  return E.right({ hostname: name, candidates })
}

const listedAs = (host: Host, lists: MailDomainLists): 'free-mail' | 'disposable' | undefined => {
  for (const candidate of host.candidates) {
    // Some providers appear on both lists; the narrower word wins.
    if (lists.disposable.has(candidate)) return 'disposable'
    if (lists.free.has(candidate)) return 'free-mail'
  }
  return undefined
}

const claimOf = (
  entry: t.TypeOf<typeof AccountDomainsConfig>[number],
  lists: MailDomainLists,
): E.Either<string, AccountClaim> => {
  const host = hostOf(entry.domain)
  if (E.isLeft(host)) return host
  const domain = host.right.hostname
  const listed = listedAs(host.right, lists)
  if (listed !== undefined) {
    const kind = listed === 'free-mail' ? 'free mail' : 'disposable mail'
    return E.left(`${domain} is a ${kind} domain: it names no company`)
  }
  return E.right({
    accountId: entry.accountId,
    domain,
    includeSubdomains: entry.includeSubdomains ?? false,
  })
}

/**
 * Reads account domain claims from outside. Refused, each with its path: a name that is
 * not a domain, a public suffix (`co.uk`), a free or disposable mail domain, a domain
 * claimed twice.
 */
export const loadAccountDirectory = (
  value: unknown,
  lists: MailDomainLists = defaultMailDomainLists(),
): E.Either<DecodeFailure[], AccountDirectory> => {
  const decoded = AccountDomainsConfig.decode(value)
  if (E.isLeft(decoded)) return E.left(fromValidationErrors(decoded.left))

  const failures: DecodeFailure[] = []
  const byDomain = new Map<string, AccountClaim>()
  const claimedAt = new Map<string, number>()
  decoded.right.forEach((entry, index) => {
    const path = `${index}.domain`
    const claim = claimOf(entry, lists)
    if (E.isLeft(claim)) {
      failures.push({ path, reason: claim.left })
      return
    }
    const domain = claim.right.domain
    const earlier = claimedAt.get(domain)
    if (earlier !== undefined) {
      failures.push({ path, reason: `${domain} is already claimed by entry ${earlier}` })
      return
    }
    claimedAt.set(domain, index)
    byDomain.set(domain, claim.right)
  })
  return failures.length > 0 ? E.left(failures) : E.right({ byDomain })
}

/** The part after the last `@`, or why the address has none. */
const mailDomainOf = (email: string): E.Either<string, string> => {
  const address = email.trim()
  const at = address.lastIndexOf('@')
  if (at === -1) return E.left(`${JSON.stringify(email)} has no @`)
  if (at === 0) return E.left(`${JSON.stringify(email)} has nothing before the @`)
  if (at === address.length - 1) return E.left(`${JSON.stringify(email)} has no domain`)
  if (/\s/.test(address)) return E.left(`${JSON.stringify(email)} contains white space`)
  return E.right(address.slice(at + 1))
}

/**
 * The account a visitor's address belongs to. The host of the address and its parents
 * are tried longest first, but never above its registrable domain; a parent matches only
 * when its account claimed subdomains. Free and disposable mail domains never match.
 */
export const lookupAccount = (
  directory: AccountDirectory,
  email: string,
  lists: MailDomainLists = defaultMailDomainLists(),
): AccountLookup => {
  const domain = mailDomainOf(email)
  if (E.isLeft(domain)) return { kind: 'unmatched', why: 'malformed', reason: domain.left }
  const host = hostOf(domain.right)
  if (E.isLeft(host)) return { kind: 'unmatched', why: 'malformed', reason: host.left }

  const listed = listedAs(host.right, lists)
  if (listed !== undefined) {
    const kind = listed === 'free-mail' ? 'free' : 'disposable'
    const reason = `${host.right.hostname} is a ${kind} mail domain`
    return { kind: 'unmatched', why: listed, reason }
  }

  for (const candidate of host.right.candidates) {
    const claim = directory.byDomain.get(candidate)
    if (claim === undefined) continue
    if (candidate === host.right.hostname || claim.includeSubdomains) {
      return { kind: 'matched', accountId: claim.accountId, claim }
    }
  }
  return {
    kind: 'unmatched',
    why: 'no-account',
    reason: `no account claims ${host.right.hostname}`,
  }
}
