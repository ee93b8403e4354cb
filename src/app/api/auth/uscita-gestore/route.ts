import type { NextRequest } from "next/server";
import { isRealm } from "@/server/identity/realms";
import { signOutDestination } from "@/server/identity/provider-sign-out";

/** After the portal's sign-out (next-auth's callbackUrl): on to the identity provider's logout. */
export async function GET(request: NextRequest): Promise<Response> {
  const realm = request.nextUrl.searchParams.get("realm");
  return new Response(null, {
    status: 303,
    headers: { Location: await signOutDestination(isRealm(realm) ? realm : "cassetto") },
  });
}
