import type { NextRequest } from "next/server";
import { fileDownloadResponse } from "@/server/attachments/download-response";
import { ATTACHMENT_NOT_FOUND, getAttachmentDownload } from "@/server/attachments/get-attachment-download";
import { resolveDownloadActor } from "@/server/attachments/resolve-download-actor";
import { NotFoundError } from "@/server/errors/domain-errors";
import { problemResponse } from "@/server/errors/map-error";

export const dynamic = "force-dynamic";

/** One attachment; `?lato=fascicolo` for the office. */
export async function GET(request: NextRequest, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const actor = await resolveDownloadActor(request.nextUrl.searchParams);
    if (!actor) throw new NotFoundError(ATTACHMENT_NOT_FOUND);
    const { id } = await context.params;
    return fileDownloadResponse(await getAttachmentDownload(actor, id));
  } catch (error) {
    return problemResponse(error);
  }
}
