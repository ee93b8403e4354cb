import type { NextRequest } from "next/server";
import { fileDownloadResponse } from "@/server/attachments/download-response";
import { BUNDLE_NOT_FOUND, getMessageBundleDownload } from "@/server/attachments/get-bundle-download";
import { resolveDownloadActor } from "@/server/attachments/resolve-download-actor";
import { NotFoundError } from "@/server/errors/domain-errors";
import { problemResponse } from "@/server/errors/map-error";

export const dynamic = "force-dynamic";

/** The zip of all of a message's files, for the office (`?lato=fascicolo`). */
export async function GET(request: NextRequest, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const actor = await resolveDownloadActor(request.nextUrl.searchParams);
    if (!actor) throw new NotFoundError(BUNDLE_NOT_FOUND);
    const { id } = await context.params;
    return fileDownloadResponse(await getMessageBundleDownload(actor, id));
  } catch (error) {
    return problemResponse(error);
  }
}
