import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { loadAccountDirectory, lookupAccount, type AccountDirectory } from '../../src/crm/lookup.js'

const loaded = loadAccountDirectory([
  { accountId: 'acme', domain: 'acme.com' },
  { accountId: 'acme-sub', domain: 'sub.acme.com' },
  { accountId: 'acme-eu', domain: 'eu.acme.co.uk', includeSubdomains: true },
  { accountId: 'acme-uk', domain: 'acme.co.uk', includeSubdomains: true },
  { accountId: 'globex', domain: 'Globex.io.', includeSubdomains: true },
  { accountId: 'pages', domain: 'initech.github.io' },
  { accountId: 'books', domain: 'bücher.de' },
])
if (E.isLeft(loaded)) throw new Error(JSON.stringify(loaded.left))
const directory: AccountDirectory = loaded.right

const accountOf = (email: string) => {
  const result = lookupAccount(directory, email)
  return result.kind === 'matched' ? result.accountId : result.why
}

describe('account lookup by e-mail domain', () => {
  it.each([
    ['ann@acme.com', 'acme'],
    ['ann@ACME.COM.', 'acme'],
    ['ann@sub.acme.com', 'acme-sub'],
    // acme.com did not claim its subdomains, and sub.acme.com did not claim deeper ones.
    ['ann@other.acme.com', 'no-account'],
    ['ann@deep.sub.acme.com', 'no-account'],
    // The longest claim wins.
    ['ann@x.eu.acme.co.uk', 'acme-eu'],
    ['ann@eu.acme.co.uk', 'acme-eu'],
    ['ann@uk.acme.co.uk', 'acme-uk'],
    ['ann@acme.co.uk', 'acme-uk'],
    ['ann@mail.globex.io', 'globex'],
    // Never above the registrable domain: these are other companies' hosts.
    ['ann@acme.com.evil.com', 'no-account'],
    ['ann@acme.co.uk.evil.co.uk', 'no-account'],
    ['ann@initech.github.io', 'pages'],
    ['ann@other.github.io', 'no-account'],
    ['"a@b"@acme.com', 'acme'],
    // One domain, spelled in Unicode or in punycode.
    ['ann@bücher.de', 'books'],
    ['ann@xn--bcher-kva.de', 'books'],
    ['ann@BÜCHER.de', 'books'],
  ])('%s -> %s', (email, expected) => {
    expect(accountOf(email)).toBe(expected)
  })

  it.each([
    ['ann@gmail.com', 'free-mail'],
    ['ann@googlemail.com', 'free-mail'],
    ['ann@yahoo.co.uk', 'free-mail'],
    ['ann@outlook.com', 'free-mail'],
    ['ann@mailinator.com', 'disposable'],
    ['ann@me.33mail.com', 'disposable'],
  ])('%s never matches: %s', (email, expected) => {
    expect(accountOf(email)).toBe(expected)
  })

  it.each([
    ['ann', '"ann" has no @'],
    ['@acme.com', '"@acme.com" has nothing before the @'],
    ['ann@', '"ann@" has no domain'],
    ['an n@acme.com', '"an n@acme.com" contains white space'],
    ['ann@[10.0.0.1]', '[10.0.0.1] is an address literal, not a domain'],
    ['ann@10.0.0.1', '10.0.0.1 is an IP address, not a domain'],
    ['ann@acme..com', 'acme..com is not a valid domain name'],
    ['ann@co.uk', 'co.uk is a public suffix, which nobody can own'],
    ['ann@localhost', 'localhost does not end in a known public suffix'],
    ['ann@acme.notatld', 'acme.notatld does not end in a known public suffix'],
  ])('%s is malformed: %s', (email, reason) => {
    expect(lookupAccount(directory, email)).toEqual({ kind: 'unmatched', why: 'malformed', reason })
  })

  it('refuses claims nobody can make, naming the entry', () => {
    const result = loadAccountDirectory([
      { accountId: 'a', domain: 'gmail.com' },
      { accountId: 'b', domain: 'co.uk' },
      { accountId: 'c', domain: 'acme.com' },
      { accountId: 'd', domain: 'ACME.com' },
      { accountId: 'e', domain: 'mailinator.com' },
      { accountId: '', domain: 'x.com' },
    ])
    expect(result).toEqual(
      E.left([{ path: '5.accountId', reason: 'expected non-empty string, got ""' }]),
    )
    const semantic = loadAccountDirectory([
      { accountId: 'a', domain: 'gmail.com' },
      { accountId: 'b', domain: 'co.uk' },
      { accountId: 'c', domain: 'acme.com' },
      { accountId: 'd', domain: 'ACME.com' },
      { accountId: 'e', domain: 'mailinator.com' },
    ])
    expect(semantic).toEqual(
      E.left([
        { path: '0.domain', reason: 'gmail.com is a free mail domain: it names no company' },
        { path: '1.domain', reason: 'co.uk is a public suffix, which nobody can own' },
        { path: '3.domain', reason: 'acme.com is already claimed by entry 2' },
        {
          path: '4.domain',
          reason: 'mailinator.com is a disposable mail domain: it names no company',
        },
      ]),
    )
  })
})
