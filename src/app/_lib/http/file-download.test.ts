import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { attachmentDownloadPath, bundleDownloadPath } from "@/server/attachments/download-paths";
import { contentDisposition, fileDownloadResponse } from "./file-download";

describe("contentDisposition", () => {
  it("always downloads, with an ASCII fallback and the exact UTF-8 name", () => {
    expect(contentDisposition("Perizia è «finale» (1).pdf")).toBe(
      `attachment; filename="Perizia e _finale_ (1).pdf"; filename*=UTF-8''Perizia%20%C3%A8%20%C2%ABfinale%C2%BB%20%281%29.pdf`,
    );
  });

  it("keeps quotes, backslashes and percent signs out of the quoted fallback", () => {
    expect(contentDisposition('a"b\\c%d.txt')).toBe(`attachment; filename="a_b_c_d.txt"; filename*=UTF-8''a%22b%5Cc%25d.txt`);
  });
});

describe("fileDownloadResponse", () => {
  it("streams the file with headers that keep browsers from rendering or caching it", async () => {
    const response = fileDownloadResponse({
      fileName: "nota.txt",
      mimeType: "text/plain",
      size: 5,
      stream: Readable.from([Buffer.from("ciao\n")]),
    });

    expect(Object.fromEntries(response.headers)).toEqual({
      "content-type": "text/plain",
      "content-length": "5",
      "content-disposition": `attachment; filename="nota.txt"; filename*=UTF-8''nota.txt`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    });
    expect(await response.text()).toBe("ciao\n");
  });
});

describe("download paths", () => {
  it("point the office's links at the operator's session", () => {
    expect(attachmentDownloadPath("0193", "cassetto")).toBe("/api/allegati/0193");
    expect(attachmentDownloadPath("0193", "fascicolo")).toBe("/api/allegati/0193?lato=fascicolo");
    expect(bundleDownloadPath("0194")).toBe("/api/messaggi/0194/archivio?lato=fascicolo");
  });
});
