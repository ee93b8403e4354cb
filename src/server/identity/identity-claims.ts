import { codiceFiscaleSchema } from "@/lib/codice-fiscale";

/** The SPID/CIE attribute carrying the codice fiscale, as `TINIT-<codice fiscale>`. */
export const FISCAL_NUMBER_CLAIM = "https://attributes.eid.gov.it/fiscal_number";

export type IdentityClaims = Record<string, unknown>;

/** The codice fiscale an identity provider asserts, or null when it asserts none valid. */
export function codiceFiscaleFromClaims(claims: IdentityClaims): string | null {
  const raw = claims[FISCAL_NUMBER_CLAIM] ?? claims.fiscal_number;
  if (typeof raw !== "string") return null;
  const parsed = codiceFiscaleSchema.safeParse(raw.replace(/^TINIT-/i, ""));
  return parsed.success ? parsed.data : null;
}

export function nameFromClaims(claims: IdentityClaims): { givenName: string; familyName: string } {
  const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");
  return { givenName: text(claims.given_name) || "—", familyName: text(claims.family_name) || "—" };
}
