import { describe, expect, it } from "vitest";
import { fileExtension, MAX_FILE_NAME_LENGTH, sanitizeFileName, withMatchingExtension } from "./file-names";

describe("sanitizeFileName", () => {
  it("keeps ordinary names, accents included", () => {
    expect(sanitizeFileName("Dichiarazione 2026 – ditta Rossi.pdf")).toBe("Dichiarazione 2026 – ditta Rossi.pdf");
    expect(sanitizeFileName("perizia è già pronta.docx")).toBe("perizia è già pronta.docx");
  });

  it("drops folders of either kind", () => {
    expect(sanitizeFileName("C:\\Users\\mario\\Documenti\\busta.pdf")).toBe("busta.pdf");
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
  });

  it("drops control and invisible formatting characters, such as a right-to-left override", () => {
    expect(sanitizeFileName("fattura\u202Efdp.exe")).toBe("fatturafdp.exe");
    expect(sanitizeFileName("a\u0000b\u0007c\u200Bd\r\n.txt")).toBe("abcd.txt");
  });

  it("replaces what Windows refuses in names and tidies spaces and dots", () => {
    expect(sanitizeFileName('a<b>c:"d"|e?f*.pdf')).toBe("a_b_c__d__e_f_.pdf");
    expect(sanitizeFileName("  ..nascosto   file . ")).toBe("nascosto file");
  });

  it("falls back to a neutral name when nothing is left", () => {
    expect(sanitizeFileName("")).toBe("allegato");
    expect(sanitizeFileName("...")).toBe("allegato");
    expect(sanitizeFileName("dir/")).toBe("allegato");
  });

  it("caps the length, keeping the extension and whole characters", () => {
    const long = sanitizeFileName(`${"😀".repeat(200)}.pdf`);
    expect(Array.from(long)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(long.endsWith("😀.pdf")).toBe(true);
    expect(Array.from(sanitizeFileName("x".repeat(300)))).toHaveLength(MAX_FILE_NAME_LENGTH);
  });
});

describe("fileExtension", () => {
  it("is the lower-cased part after the last dot", () => {
    expect(fileExtension("a.PDF")).toBe("pdf");
    expect(fileExtension("contratto.pdf.p7m")).toBe("p7m");
    expect(fileExtension("senza")).toBe("");
    expect(fileExtension(".bashrc")).toBe("");
    expect(fileExtension("nome.conunaestensionelunghissima")).toBe("");
  });
});

describe("withMatchingExtension", () => {
  it("keeps a name whose extension fits the content", () => {
    expect(withMatchingExtension("foto.JPEG", ["jpg", "jpeg"])).toBe("foto.JPEG");
  });

  it("appends the content's extension otherwise, within the length cap", () => {
    expect(withMatchingExtension("foto.exe", ["png"])).toBe("foto.exe.png");
    expect(withMatchingExtension("contratto.pdf", ["p7m"])).toBe("contratto.pdf.p7m");
    const capped = withMatchingExtension("y".repeat(MAX_FILE_NAME_LENGTH), ["pdf"]);
    expect(capped).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(capped.endsWith("y.pdf")).toBe(true);
  });
});
