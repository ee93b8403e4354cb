/**
 * Whether a state-changing request comes from one of the portal's own pages:
 * its Origin, or without one its Referer, must be PUBLIC_URL's origin.
 * Browsers send Origin with every POST (the string "null" from opaque
 * contexts, which is refused); a request with neither header comes from no
 * browser page — a program that holds the cookie is not a forgery — and is
 * let through. Decision 0015.
 */
export type OriginVerdict = { sameOrigin: true } | { sameOrigin: false; reason: string };

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function originVerdict(headers: Headers, publicUrl: string): OriginVerdict {
  const expected = originOf(publicUrl);
  const origin = headers.get("origin");
  if (origin !== null) {
    return origin === expected ? { sameOrigin: true } : { sameOrigin: false, reason: `origin ${origin.slice(0, 200)}` };
  }
  const referer = headers.get("referer");
  if (referer !== null) {
    return originOf(referer) === expected ? { sameOrigin: true } : { sameOrigin: false, reason: "referer of another origin" };
  }
  return { sameOrigin: true };
}
