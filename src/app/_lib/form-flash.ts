import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { firstValue } from "@/app/_lib/search-params";
import { prefixedCookieName } from "@/lib/cookie-names";
import { getConfig } from "@/server/config";
import type { DomainError } from "@/server/errors/domain-errors";
import { toProblem } from "@/server/errors/map-error";

/**
 * The outcome of a posted form, carried across the redirect that follows it
 * (PRG), in a short-lived http-only cookie shown only when the address
 * carries its `avviso` token: a link cannot put words of its own in the page,
 * and what was typed comes back with a refused form (decision 0007). Each
 * page family has its own cookie and set of forms.
 */

export const FLASH_PARAM = "avviso";
/** Browsers keep cookies up to 4096 bytes; the typed values are dropped beyond this. */
const MAX_COOKIE_VALUE = 3800;

export type FormFlash<Form extends string> = {
  tone: "success" | "danger";
  message: string;
  /** A value the message is about, shown apart so it can be read out or copied (a verification code). */
  highlight?: string;
  /** Which form the outcome belongs to: a refusal is shown at it. */
  form?: Form;
  errors?: Record<string, string[]>;
  values?: Record<string, string>;
  /** Instead of `values`: the draft that keeps what was typed, whatever its length (FormDraft, decision 0022). */
  draftId?: string;
};

export type FlashSettings<Form extends string> = {
  cookieName: string;
  /** The cookie is sent only below this path. */
  path: string;
  isForm: (value: string) => value is Form;
};

export type FlashCookie = {
  token: string;
  name: string;
  value: string;
  options: { httpOnly: true; sameSite: "lax"; path: string; maxAge: number; secure: boolean };
};

const flashSchema = z.object({
  token: z.string(),
  tone: z.enum(["success", "danger"]),
  message: z.string(),
  highlight: z.string().optional(),
  form: z.string().optional(),
  errors: z.record(z.string(), z.array(z.string())).optional(),
  values: z.record(z.string(), z.string()).optional(),
  draftId: z.string().optional(),
});

/** The family's cookie name, with the `__Secure-` or `__Host-` prefix over https. */
function flashCookieName(settings: FlashSettings<string>): string {
  return prefixedCookieName(settings.cookieName, { secure: getConfig().secureCookies, path: settings.path });
}

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** The cookie that carries `flash`, and the token the redirect's address must name. */
function createFlashCookie<Form extends string>(settings: FlashSettings<Form>, flash: FormFlash<Form>): FlashCookie {
  const token = randomBytes(12).toString("base64url");
  let value = encode({ token, ...flash });
  if (value.length > MAX_COOKIE_VALUE) value = encode({ token, ...flash, values: undefined });
  return {
    token,
    name: flashCookieName(settings),
    value,
    options: {
      httpOnly: true,
      sameSite: "lax",
      path: settings.path,
      maxAge: 300,
      secure: getConfig().secureCookies,
    },
  };
}

/** The outcome of a refused form: the domain error's Italian message and field errors, and what was typed. */
export function refusedFormFlash<Form extends string>(error: DomainError, form: Form, values: Record<string, string>): FormFlash<Form> {
  const problem = toProblem(error);
  return { tone: "danger", message: problem.detail, form, ...(problem.errors ? { errors: problem.errors } : {}), values };
}

/** The flash the cookie holds, if the address names its token and the form is one of the family's. */
function readFormFlash<Form extends string>(
  settings: FlashSettings<Form>,
  cookieValue: string | undefined,
  token: string | undefined,
): FormFlash<Form> | null {
  if (!cookieValue || !token) return null;
  try {
    const parsed = flashSchema.safeParse(JSON.parse(Buffer.from(cookieValue, "base64url").toString("utf8")));
    if (!parsed.success || parsed.data.token !== token) return null;
    const { token: _token, form, ...rest } = parsed.data;
    if (form !== undefined && !settings.isForm(form)) return null;
    return form === undefined ? rest : { ...rest, form };
  } catch {
    return null;
  }
}

/** Where a page shows a successful outcome; the redirect after the form scrolls there. */
export const OUTCOME_NOTICE_ID = "esito-operazione";

/** `path` (and its `search`, if any) naming the outcome's token, scrolled to `anchor`. */
export function flashLocation(path: string, token: string, anchor: string, search = ""): string {
  return `${path}?${search ? `${search}&` : ""}${FLASH_PARAM}=${token}#${anchor}`;
}

/** One page family's outcomes: its cookie, its forms, and the two ends of the redirect. */
export type FormFlashFamily<Form extends string> = {
  /** The cookie for `flash` (a route handler sets it on its own response). */
  flashCookie(flash: FormFlash<Form>): FlashCookie;
  /** The flash a cookie value holds, if `token` names it. */
  readFlash(cookieValue: string | undefined, token: string | undefined): FormFlash<Form> | null;
  /** In a page: the outcome the address's `avviso` token names. */
  pageFlash(token: string | string[] | undefined): Promise<FormFlash<Form> | null>;
  /** At the end of a server action: keeps `flash` and redirects to the address `location` builds with its token. */
  redirectWithFlash(flash: FormFlash<Form>, location: (token: string) => string): Promise<never>;
};

export function formFlashFamily<Form extends string>(settings: FlashSettings<Form>): FormFlashFamily<Form> {
  const readFlash = (cookieValue: string | undefined, token: string | undefined) => readFormFlash(settings, cookieValue, token);
  return {
    flashCookie: (flash) => createFlashCookie(settings, flash),
    readFlash,
    async pageFlash(token) {
      return readFlash((await cookies()).get(flashCookieName(settings))?.value, firstValue(token));
    },
    async redirectWithFlash(flash, location) {
      const cookie = createFlashCookie(settings, flash);
      (await cookies()).set(cookie.name, cookie.value, cookie.options);
      redirect(location(cookie.token));
    },
  };
}
