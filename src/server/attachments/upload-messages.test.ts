import { describe, expect, it } from "vitest";
import { formatFileSize, uploadMessages } from "./upload-messages";

describe("formatFileSize", () => {
  it("writes sizes the Italian way, in binary units", () => {
    expect(formatFileSize(3 * 1024 * 1024)).toBe("3 MB");
    expect(formatFileSize(1.5 * 1024 * 1024)).toBe("1,5 MB");
    expect(formatFileSize(500 * 1024)).toBe("500 KB");
    expect(formatFileSize(800)).toBe("800 byte");
  });
});

describe("uploadMessages", () => {
  it("names the limit and the file", () => {
    expect(uploadMessages.tooManyFiles(5)).toBe("Si possono allegare al massimo 5 file.");
    expect(uploadMessages.tooManyFiles(0)).toBe("Non è possibile allegare file.");
    expect(uploadMessages.fileTooLarge("x.pdf", 1024 * 1024)).toBe("Il file «x.pdf» supera il limite di 1 MB.");
  });
});
