/**
 * Cookie names with the browser-enforced prefixes over https. `__Host-`: the
 * browser keeps the cookie only if it is Secure, for path `/` and without a
 * Domain, so neither a sibling host nor a plain-http page can plant or shadow
 * it. `__Secure-` is the most a cookie scoped to a narrower path can have.
 * Over http (a local start) the prefixes would make browsers drop the
 * cookies, so the plain name is kept.
 */
export function prefixedCookieName(name: string, { secure, path }: { secure: boolean; path: string }): string {
  if (!secure) return name;
  return path === "/" ? `__Host-${name}` : `__Secure-${name}`;
}
