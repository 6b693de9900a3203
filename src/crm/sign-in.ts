import * as E from 'fp-ts/lib/Either.js'

/** The site's own routes that sign-in redirects care about. */
export interface SignInRoutes {
  /** The sign-in route, such as `/sign-in`; its sub-paths are sign-in routes too. */
  readonly signInPath: string
  /** Where a refused or missing return target leads, such as `/`. */
  readonly fallbackPath: string
}

/** Longer return targets are refused: nobody types them, attackers craft them. */
export const maxReturnTargetLength = 2048

/** A placeholder origin: a target that resolves anywhere else leaves the site. */
const siteOrigin = 'https://site.invalid'
const maxEncodingLayers = 3
const hasControlCharacter = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x20 || code === 0x7f) return true
  }
  return false
}

/** The target as given, then as decoded once, twice, ...: every form a server may use. */
const decodedForms = (raw: string): E.Either<string, string[]> => {
  const forms = [raw]
  let current = raw
  for (let layer = 0; layer <= maxEncodingLayers; layer++) {
    let decoded: string
    try {
      decoded = decodeURIComponent(current)
    } catch {
      return E.left('the target has broken percent-encoding')
    }
    if (decoded === current) return E.right(forms)
    forms.push(decoded)
    current = decoded
  }
  return E.left('the target is percent-encoded too many times')
}

/** A path compared without case, `;` parameters, repeated or trailing slashes. */
const comparablePath = (pathname: string): string =>
  pathname
    .toLowerCase()
    .split(';')[0]
    ?.replace(/\/{2,}/g, '/')
    .replace(/\/+$/, '') ?? ''

const checkForm = (form: string, signInPath: string): E.Either<string, URL> => {
  if (hasControlCharacter(form)) return E.left('the target contains control characters')
  if (form.includes('\\')) return E.left('the target contains a backslash')
  if (!form.startsWith('/')) return E.left('the target must be a path starting with /')
  if (form.startsWith('//')) return E.left('the target names another site (//host)')
  let url: URL
  try {
    url = new URL(form, siteOrigin)
  } catch {
    return E.left('the target is not a valid path')
  }
  if (url.origin !== siteOrigin) return E.left('the target leaves the site')
  // `/.//evil` resolves to the path `//evil`, which a browser reads as another site.
  if (url.pathname.startsWith('//')) return E.left('the target resolves to //host')
  const path = comparablePath(url.pathname)
  if (path === signInPath || path.startsWith(signInPath + '/')) {
    return E.left('the target is the sign-in route, which would sign in again')
  }
  return E.right(url)
}

/**
 * Accepts a return-to target after single sign-on only when it is a path on this site
 * that is not the sign-in route. Every decoded form of the target is checked, so
 * `%2F%2Fevil` or `%2Fsign-in` fare no better than `//evil` or `/sign-in`. Right holds the
 * normalised path with its query and fragment.
 */
export const acceptReturnTarget = (raw: string, routes: SignInRoutes): E.Either<string, string> => {
  if (raw === '') return E.left('the target is empty')
  if (raw.length > maxReturnTargetLength) return E.left('the target is too long')
  if (/\s/.test(raw)) return E.left('the target contains white space')
  const forms = decodedForms(raw)
  if (E.isLeft(forms)) return forms

  const signInPath = comparablePath(routes.signInPath)
  let accepted: URL | undefined
  for (const form of forms.right) {
    const checked = checkForm(form, signInPath)
    if (E.isLeft(checked)) return checked
    accepted ??= checked.right
  }
  return accepted === undefined
    ? E.left('the target is empty')
    : E.right(accepted.pathname + accepted.search + accepted.hash)
}

/** Where to send a user who just signed in, and why a given target was refused. */
export const returnAfterSignIn = (
  raw: string | undefined,
  routes: SignInRoutes,
): { readonly target: string; readonly refused?: string } => {
  if (raw === undefined) return { target: routes.fallbackPath }
  const accepted = acceptReturnTarget(raw, routes)
  return E.isRight(accepted)
    ? { target: accepted.right }
    : { target: routes.fallbackPath, refused: accepted.left }
}

export type CaseAccess =
  | { readonly kind: 'allow' }
  /** Not signed in: sign in, then come back here when the path is acceptable. */
  | { readonly kind: 'sign-in'; readonly returnTo?: string }
  /** Signed in without access: another sign-in would only loop back here. */
  | { readonly kind: 'forbidden' }

/** What a request for a restricted case gets. */
export const decideCaseAccess = (
  request: { readonly signedIn: boolean; readonly mayViewCase: boolean; readonly path: string },
  routes: SignInRoutes,
): CaseAccess => {
  if (!request.signedIn) {
    const returnTo = acceptReturnTarget(request.path, routes)
    return E.isRight(returnTo) ? { kind: 'sign-in', returnTo: returnTo.right } : { kind: 'sign-in' }
  }
  return request.mayViewCase ? { kind: 'allow' } : { kind: 'forbidden' }
}
