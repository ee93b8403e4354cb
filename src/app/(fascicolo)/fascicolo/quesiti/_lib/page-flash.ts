import "server-only";
import { cookies } from "next/headers";
import { FLASH_COOKIE, readFlash, type Flash } from "./flash";

/** The outcome kept for this page by the form posted just before, if any. */
export async function pageFlash(token: string | undefined): Promise<Flash | null> {
  return readFlash((await cookies()).get(FLASH_COOKIE)?.value, token);
}
