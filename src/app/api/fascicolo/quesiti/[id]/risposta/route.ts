import { NextResponse } from "next/server";
import { persistFiles } from "@/server/attachments/persist-files";
import { receiveUpload, type ReceivedUpload } from "@/server/attachments/receive-upload";
import { DomainError } from "@/server/errors/domain-errors";
import { realmPaths } from "@/server/identity/auth-options";
import { getOperator } from "@/server/identity/session";
import { getReplyUploadLimits } from "@/server/quesiti/get-reply-upload-limits";
import { replyToQuesito } from "@/server/quesiti/reply-to-quesito";
import { failureFlash, FLASH_PARAM, flashCookie, typedValues, type Flash } from "@/app/(fascicolo)/fascicolo/quesiti/_lib/flash";
import { quesitoPath } from "@/app/(fascicolo)/fascicolo/quesiti/_lib/paths";

export const dynamic = "force-dynamic";

function seeOther(location: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { Location: location } });
}

/**
 * The office's reply with attachments (multipart): the files are checked and
 * stored, then the reply is written with them; either way the browser goes
 * back to the quesito (303), where the outcome is shown.
 */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  const page = quesitoPath(id);
  const operator = await getOperator();
  if (!operator) return seeOther(`${realmPaths.fascicolo.signIn}?callbackUrl=${encodeURIComponent(page)}`);

  let flash: Flash;
  let upload: ReceivedUpload | undefined;
  try {
    upload = await receiveUpload(request, await getReplyUploadLimits(operator, id));
    await replyToQuesito(operator, id, upload.fields, await persistFiles(upload.files));
    flash = { tone: "success", message: "Risposta inviata al contribuente." };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    flash = failureFlash(error, "risposta", typedValues(Object.entries(upload?.fields ?? {})));
  } finally {
    await upload?.discard();
  }
  const cookie = flashCookie(flash);
  const response = seeOther(`${page}?${FLASH_PARAM}=${cookie.token}#${flash.tone === "success" ? "esito-operazione" : "modulo-risposta"}`);
  response.cookies.set(cookie.name, cookie.value, cookie.options);
  return response;
}
