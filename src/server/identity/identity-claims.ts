import { codiceFiscaleSchema } from "@/lib/codice-fiscale";

/** The SPID/CIE attribute carrying the codice fiscale, as `TINIT-<codice fiscale>`. */
export const FISCAL_NUMBER_CLAIM = "https://attributes.eid.gov.it/fiscal_number";

export type IdentityClaims = Record<string, unknown>;

export type FiscalNumberProblem = "fiscal-number-missing" | "fiscal-number-malformed" | "codice-fiscale-invalid";

export type FiscalNumberReading = { ok: true; codiceFiscale: string } | { ok: false; problem: FiscalNumberProblem };

/**
 * The codice fiscale an identity provider asserts, or why there is none:
 * the attribute is absent, not of the form `TINIT-<code>`, or the code fails
 * its checks.
 */
export function readFiscalNumber(claims: IdentityClaims): FiscalNumberReading {
  const raw = claims[FISCAL_NUMBER_CLAIM] ?? claims.fiscal_number;
  if (raw === undefined || raw === null || raw === "") return { ok: false, problem: "fiscal-number-missing" };
  const match = typeof raw === "string" ? /^TINIT-([0-9A-Z]+)$/i.exec(raw.trim()) : null;
  if (!match) return { ok: false, problem: "fiscal-number-malformed" };
  const parsed = codiceFiscaleSchema.safeParse(match[1]);
  return parsed.success ? { ok: true, codiceFiscale: parsed.data } : { ok: false, problem: "codice-fiscale-invalid" };
}

export function nameFromClaims(claims: IdentityClaims): { givenName: string; familyName: string } {
  const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");
  return { givenName: text(claims.given_name) || "—", familyName: text(claims.family_name) || "—" };
}
