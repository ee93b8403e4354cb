import { fileDownloadRoute } from "@/app/_lib/http/file-download";
import { ATTACHMENT_NOT_FOUND, getAttachmentDownload } from "@/server/attachments/get-attachment-download";

export const dynamic = "force-dynamic";

/** One attachment; `?lato=fascicolo` for the office. */
export const GET = fileDownloadRoute(ATTACHMENT_NOT_FOUND, getAttachmentDownload);
