import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptionsFor, realmOfAuthRoute } from "@/server/identity/auth-options";
import { runAuthRequest } from "@/server/identity/auth-request-context";
import { requestOriginOf } from "@/server/identity/request-origin";

type Context = { params: Promise<{ nextauth: string[] }> };

/** One next-auth route for both realms; the realm decides providers and cookies. */
async function handler(request: NextRequest, context: Context): Promise<Response> {
  const { nextauth } = await context.params;
  const realm = realmOfAuthRoute(nextauth, request.nextUrl.searchParams.get("realm"));
  return runAuthRequest({ realm, origin: requestOriginOf(request.headers) }, () =>
    NextAuth(request, context, authOptionsFor(realm)),
  );
}

export { handler as GET, handler as POST };
