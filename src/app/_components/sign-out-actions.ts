"use server";

import { redirect } from "next/navigation";
import { isRealm, realmPaths } from "@/server/identity/realms";
import { signOutEverywhere } from "@/server/identity/session";

/** "Esci da tutti i dispositivi", bound to its realm by the sign-out page (a bound value comes back from the browser: checked). */
export async function signOutEverywhereAction(realm: unknown): Promise<void> {
  if (!isRealm(realm)) redirect("/");
  const signedOut = await signOutEverywhere(realm);
  redirect(`${realmPaths[realm].signIn}?uscita=${signedOut ? "ovunque" : "1"}`);
}
