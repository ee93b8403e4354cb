import type { NextRequest } from "next/server";
import { downloadRouteResponse } from "@/server/attachments/download-route";
import { BUNDLE_NOT_FOUND, getMessageBundleDownload } from "@/server/attachments/get-bundle-download";

export const dynamic = "force-dynamic";

/** The zip of all of a message's files, for the office (`?lato=fascicolo`). */
export async function GET(request: NextRequest, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return downloadRouteResponse(request.nextUrl.searchParams, BUNDLE_NOT_FOUND, (actor) =>
    getMessageBundleDownload(actor, id),
  );
}
