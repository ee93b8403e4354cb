import type { NextRequest } from "next/server";
import { downloadRouteResponse } from "@/server/attachments/download-route";
import { ATTACHMENT_NOT_FOUND, getAttachmentDownload } from "@/server/attachments/get-attachment-download";

export const dynamic = "force-dynamic";

/** One attachment; `?lato=fascicolo` for the office. */
export async function GET(request: NextRequest, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return downloadRouteResponse(request.nextUrl.searchParams, ATTACHMENT_NOT_FOUND, (actor) =>
    getAttachmentDownload(actor, id),
  );
}
