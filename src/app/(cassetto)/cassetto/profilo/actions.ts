"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getConfig } from "@/server/config";
import { safeCallbackPath } from "@/server/identity/auth-options";
import { resolveContributor } from "@/server/identity/resolve-contributor";
import { chooseProfileSchema } from "@/server/identity/schemas";
import { getRealmSubject, profileCookieName } from "@/server/identity/session";

export async function chooseProfile(formData: FormData): Promise<void> {
  const personId = await getRealmSubject("cassetto");
  if (!personId) redirect("/accesso");
  const input = chooseProfileSchema.safeParse(Object.fromEntries(formData));
  if (!input.success) redirect("/cassetto/profilo?errore=profilo");
  const resolution = await resolveContributor(personId, input.data.profile);
  if (resolution.status !== "ok" || resolution.actor.profile !== input.data.profile) {
    redirect("/cassetto/profilo?errore=profilo");
  }
  (await cookies()).set(profileCookieName(), input.data.profile, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: getConfig().secureCookies,
  });
  const target = safeCallbackPath(input.data.callbackUrl);
  redirect(target.startsWith("/cassetto") ? target : "/cassetto");
}
