import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { attachmentDownloadPath, bundleDownloadPath } from "@/server/attachments/download-paths";
import { getFileStorage } from "@/server/attachments/file-storage";
import { getContributorResolution, getOperator } from "@/server/identity/session";
import { GET as getAttachment } from "../../../src/app/api/allegati/[id]/route";
import { GET as getBundle } from "../../../src/app/api/messaggi/[id]/archivio/route";
import { contributorActor, operatorActor } from "../../support/quesito-fixtures";
import { stageFile, STORAGE_BACKENDS, temporaryStorageForFile } from "../../support/request-files";
import { createMessageWithFiles, createRequestRecord } from "./records";
import { pdfSample, readZip } from "./samples";

// The sessions are next-auth's business (tested in identity); here they are
// whoever each test says, so that the routes' own work can be checked.
vi.mock("@/server/identity/session", () => ({ getContributorResolution: vi.fn(), getOperator: vi.fn() }));

beforeEach(() => {
  vi.mocked(getContributorResolution).mockReset().mockResolvedValue(null);
  vi.mocked(getOperator).mockReset().mockResolvedValue(null);
});

async function scenario() {
  const { office, holder, request } = await createRequestRecord();
  const message = await createMessageWithFiles({
    requestId: request.id,
    authorPersonId: holder.id,
    files: [await stageFile(pdfSample(), "Ricevuta è pagata.pdf", "application/pdf")],
  });
  const attachment = message.attachments[0];
  if (!attachment) throw new Error("scenario without files");
  return { message, attachment, holderActor: contributorActor(holder), officeActor: await operatorActor(office.id) };
}

function call(handler: typeof getAttachment, pathWithQuery: string, id: string): Promise<Response> {
  return handler(new NextRequest(`http://localhost${pathWithQuery}`), { params: Promise.resolve({ id }) });
}

describe.each(STORAGE_BACKENDS)("download routes on the %s storage", (backend) => {
  temporaryStorageForFile({ backend });

  describe("GET /api/allegati/[id]", () => {
    it("streams the file to the signed-in contributor as a download", async () => {
      const { attachment, holderActor } = await scenario();
      vi.mocked(getContributorResolution).mockResolvedValue({ status: "ok", actor: holderActor });

      const response = await call(getAttachment, attachmentDownloadPath(attachment.id, "cassetto"), attachment.id);

      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(response.headers.get("content-disposition")).toBe(
        `attachment; filename="Ricevuta e pagata.pdf"; filename*=UTF-8''Ricevuta%20%C3%A8%20pagata.pdf`,
      );
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      expect(Buffer.from(await response.arrayBuffer())).toEqual(pdfSample());
      expect(getOperator).not.toHaveBeenCalled();
    });

    it("reads the operator's session for the office's links", async () => {
      const { attachment, officeActor } = await scenario();
      vi.mocked(getOperator).mockResolvedValue(officeActor);

      const response = await call(getAttachment, attachmentDownloadPath(attachment.id, "fascicolo"), attachment.id);

      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(pdfSample());
      expect(getContributorResolution).not.toHaveBeenCalled();
    });

    it("answers 404 problem details to nobody signed in and to a contributor still choosing a profile", async () => {
      const { attachment, holderActor } = await scenario();

      const paths = [attachmentDownloadPath(attachment.id, "cassetto"), attachmentDownloadPath(attachment.id, "fascicolo")];
      for (const pathWithQuery of paths) {
        const response = await call(getAttachment, pathWithQuery, attachment.id);
        expect(response.status).toBe(404);
        expect(response.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
        expect((await response.json()).detail).toBe("L'allegato richiesto non esiste o non è accessibile.");
      }

      vi.mocked(getContributorResolution).mockResolvedValue({
        status: "choose-profile",
        displayName: holderActor.displayName,
        profiles: ["TITOLARE", "INTERMEDIARIO"],
      });
      expect((await call(getAttachment, attachmentDownloadPath(attachment.id, "cassetto"), attachment.id)).status).toBe(404);
    });

    it("answers 500 with a request id when the stored file has gone missing", async () => {
      const { attachment, holderActor } = await scenario();
      vi.mocked(getContributorResolution).mockResolvedValue({ status: "ok", actor: holderActor });
      await getFileStorage().remove(attachment.storageKey);

      const response = await call(getAttachment, attachmentDownloadPath(attachment.id, "cassetto"), attachment.id);

      expect(response.status).toBe(500);
      expect((await response.json()).requestId).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe("GET /api/messaggi/[id]/archivio", () => {
    it("streams the zip to the office", async () => {
      const { message, officeActor } = await scenario();
      vi.mocked(getOperator).mockResolvedValue(officeActor);

      const response = await call(getBundle, bundleDownloadPath(message.id), message.id);

      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/zip");
      expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="allegati-INPS\.9999\./);
      const zip = Buffer.from(await response.arrayBuffer());
      expect(readZip(zip).map((entry) => entry.name)).toEqual(["Ricevuta è pagata.pdf"]);
    });

    it("answers 404 to the contributor, even on the office's link", async () => {
      const { message, holderActor } = await scenario();
      vi.mocked(getContributorResolution).mockResolvedValue({ status: "ok", actor: holderActor });

      expect((await call(getBundle, `/api/messaggi/${message.id}/archivio`, message.id)).status).toBe(404);
      expect((await call(getBundle, bundleDownloadPath(message.id), message.id)).status).toBe(404);
    });
  });
});
