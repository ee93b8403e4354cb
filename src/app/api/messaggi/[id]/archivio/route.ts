import { fileDownloadRoute } from "@/app/_lib/http/file-download";
import { BUNDLE_NOT_FOUND, getMessageBundleDownload } from "@/server/attachments/get-bundle-download";

export const dynamic = "force-dynamic";

/** The zip of all of a message's files, for the office (`?lato=fascicolo`). */
export const GET = fileDownloadRoute(BUNDLE_NOT_FOUND, getMessageBundleDownload);
