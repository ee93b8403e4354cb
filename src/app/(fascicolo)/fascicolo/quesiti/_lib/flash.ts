import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { getConfig } from "@/server/config";
import type { DomainError } from "@/server/errors/domain-errors";
import { toProblem } from "@/server/errors/map-error";
import type { TransitionAction } from "@/server/requests/lifecycle";

/**
 * The outcome of a form on the quesito pages, carried across the redirect
 * that follows every post (PRG). It travels in a short-lived, http-only
 * cookie, shown only when the address carries its `avviso` token: a link
 * cannot put words of its own in the page, and what the operator typed
 * comes back with a refused form.
 */

export const FLASH_PARAM = "avviso";
export const FLASH_COOKIE = "cb.fascicolo.esito";
const COOKIE_PATH = "/fascicolo/quesiti";
/** Browsers keep cookies up to 4096 bytes; the typed text is dropped beyond this. */
const MAX_COOKIE_VALUE = 3800;

export const quesitoForms = [
  "presa",
  "riassegna-operatore",
  "riassegna-sede",
  "stato",
  "nota",
  "chiusura",
  "risposta",
] as const;
export type QuesitoForm = (typeof quesitoForms)[number];

/** The lifecycle action behind each form: the form is on the page only while the action is allowed. */
export const formActions: Record<QuesitoForm, TransitionAction> = {
  presa: "PRESA_IN_CARICO",
  "riassegna-operatore": "RIASSEGNATA",
  "riassegna-sede": "RIASSEGNATA",
  stato: "STATO_MODIFICATO",
  nota: "NOTA_INTERNA",
  chiusura: "CHIUSA",
  risposta: "RISPOSTA",
};

const flashSchema = z.object({
  token: z.string(),
  tone: z.enum(["success", "danger"]),
  message: z.string(),
  form: z.enum(quesitoForms).optional(),
  errors: z.record(z.string(), z.array(z.string())).optional(),
  values: z.record(z.string(), z.string()).optional(),
});
export type Flash = Omit<z.infer<typeof flashSchema>, "token">;

export type FlashCookie = {
  token: string;
  name: string;
  value: string;
  options: { httpOnly: true; sameSite: "lax"; path: string; maxAge: number; secure: boolean };
};

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** The cookie that carries `flash`, and the token the redirect's address must name. */
export function flashCookie(flash: Flash): FlashCookie {
  const token = randomBytes(12).toString("base64url");
  let value = encode({ token, ...flash });
  if (value.length > MAX_COOKIE_VALUE) value = encode({ token, ...flash, values: undefined });
  return {
    token,
    name: FLASH_COOKIE,
    value,
    options: {
      httpOnly: true,
      sameSite: "lax",
      path: COOKIE_PATH,
      maxAge: 300,
      secure: getConfig().PUBLIC_URL.startsWith("https://"),
    },
  };
}

/** The outcome of a refused form: the domain error's Italian message and field errors, and what was typed. */
export function failureFlash(error: DomainError, form: QuesitoForm, values: Record<string, string>): Flash {
  const problem = toProblem(error);
  return { tone: "danger", message: problem.detail, form, ...(problem.errors ? { errors: problem.errors } : {}), values };
}

/** The text fields of a posted form, without the hidden version and Next's own fields. */
export function typedValues(entries: Iterable<[string, FormDataEntryValue | string]>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (typeof value === "string" && name !== "expectedVersion" && !name.startsWith("$")) values[name] = value;
  }
  return values;
}

/** The flash the cookie holds, if the address names its token. */
export function readFlash(cookieValue: string | undefined, token: string | undefined): Flash | null {
  if (!cookieValue || !token) return null;
  try {
    const parsed = flashSchema.safeParse(JSON.parse(Buffer.from(cookieValue, "base64url").toString("utf8")));
    if (!parsed.success || parsed.data.token !== token) return null;
    const { token: _token, ...flash } = parsed.data;
    return flash;
  } catch {
    return null;
  }
}
