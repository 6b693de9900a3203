import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  acceptReturnTarget,
  decideCaseAccess,
  returnAfterSignIn,
  type SignInRoutes,
} from '../../src/crm/sign-in.js'

const routes: SignInRoutes = { signInPath: '/sign-in', fallbackPath: '/' }
const verdict = (raw: string) => {
  const result = acceptReturnTarget(raw, routes)
  return E.isRight(result) ? result.right : `refused: ${result.left}`
}

describe('sign-in return targets', () => {
  it.each([
    ['/cases/42', '/cases/42'],
    ['/cases/42?tab=transcript#m3', '/cases/42?tab=transcript#m3'],
    ['/a/./b/../c', '/a/c'],
    ['/search?q=a%20b', '/search?q=a%20b'],
    ['/sign-in-help', '/sign-in-help'],
    ['/reports/sign-in', '/reports/sign-in'],
  ])('accepts %s as %s', (raw, expected) => {
    expect(verdict(raw)).toBe(expected)
  })

  it.each([
    ['https://evil.example/cases', 'the target must be a path starting with /'],
    ['//evil.example', 'the target names another site (//host)'],
    ['/\\evil.example', 'the target contains a backslash'],
    ['\\\\evil.example', 'the target contains a backslash'],
    ['/%2F%2Fevil.example', 'the target names another site (//host)'],
    ['/.//evil.example', 'the target resolves to //host'],
    ['/a/..//evil.example', 'the target resolves to //host'],
    ['%2F%2Fevil.example', 'the target must be a path starting with /'],
    ['/%5Cevil.example', 'the target contains a backslash'],
    ['/%255Cevil.example', 'the target contains a backslash'],
    ['javascript:alert(1)', 'the target must be a path starting with /'],
    ['/\tevil', 'the target contains white space'],
    ['/%09/evil.example', 'the target contains control characters'],
    ['cases/42', 'the target must be a path starting with /'],
    ['', 'the target is empty'],
    ['/%E0%A4%A', 'the target has broken percent-encoding'],
    ['/sign-in', 'the target is the sign-in route, which would sign in again'],
    ['/sign-in/', 'the target is the sign-in route, which would sign in again'],
    ['/SIGN-IN', 'the target is the sign-in route, which would sign in again'],
    ['/sign-in?next=/cases', 'the target is the sign-in route, which would sign in again'],
    ['/sign-in#x', 'the target is the sign-in route, which would sign in again'],
    ['/sign-in/callback', 'the target is the sign-in route, which would sign in again'],
    ['/sign-in;jsessionid=1', 'the target is the sign-in route, which would sign in again'],
    ['/cases/../sign-in', 'the target is the sign-in route, which would sign in again'],
    ['/%73ign-in', 'the target is the sign-in route, which would sign in again'],
    ['/sign-in%2F', 'the target is the sign-in route, which would sign in again'],
    ['/sign-in//', 'the target is the sign-in route, which would sign in again'],
    ['/%2e%2e/sign-in', 'the target is the sign-in route, which would sign in again'],
  ])('refuses %s', (raw, reason) => {
    expect(verdict(raw)).toBe(`refused: ${reason}`)
  })

  it('never returns a target that leaves the site or signs in again', () => {
    const pieces = ['/', '\\', '.', '..', '%2F', '%2f', '%5C', '%25', '%2e', ':', '@', '?', '#']
    const tricky = fc
      .array(fc.constantFrom(...pieces, 'sign-in', 'SIGN-IN', 'evil', 'javascript'), {
        maxLength: 8,
      })
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.webPath(), tricky), (raw) => {
        const result = acceptReturnTarget(raw, routes)
        if (E.isLeft(result)) return
        const target = new URL(result.right, 'https://site.invalid')
        expect(target.origin).toBe('https://site.invalid')
        expect(result.right.startsWith('/')).toBe(true)
        expect(result.right.startsWith('//')).toBe(false)
        const path = decodeURIComponent(target.pathname).toLowerCase().replace(/\/+$/, '')
        expect(path).not.toBe('/sign-in')
        expect(path.startsWith('/sign-in/')).toBe(false)
      }),
      { numRuns: 1_000 },
    )
  })

  it('falls back after sign-in and says why', () => {
    expect(returnAfterSignIn(undefined, routes)).toEqual({ target: '/' })
    expect(returnAfterSignIn('/cases/7', routes)).toEqual({ target: '/cases/7' })
    expect(returnAfterSignIn('//evil', routes)).toEqual({
      target: '/',
      refused: 'the target names another site (//host)',
    })
  })

  it('gives a signed-in user without access "forbidden", never another sign-in', () => {
    const path = '/cases/7'
    expect(decideCaseAccess({ signedIn: false, mayViewCase: false, path }, routes)).toEqual({
      kind: 'sign-in',
      returnTo: '/cases/7',
    })
    expect(decideCaseAccess({ signedIn: true, mayViewCase: false, path }, routes)).toEqual({
      kind: 'forbidden',
    })
    expect(decideCaseAccess({ signedIn: true, mayViewCase: true, path }, routes)).toEqual({
      kind: 'allow',
    })
    expect(
      decideCaseAccess({ signedIn: false, mayViewCase: true, path: '/sign-in' }, routes),
    ).toEqual({ kind: 'sign-in' })
  })
})
