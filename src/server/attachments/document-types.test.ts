import { describe, expect, it } from "vitest";
import { hasBinaryBytes, isSignedData } from "./document-types";

const OID = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];

describe("isSignedData", () => {
  it("accepts a DER ContentInfo of type signedData whose length fits the file", () => {
    const head = Uint8Array.from([0x30, 0x82, 0x01, 0x00, ...OID, 0xa0, 0x82]);
    expect(isSignedData(head, 4 + 0x100)).toBe(true);
    expect(isSignedData(head, 4 + 0xff)).toBe(false);
  });

  it("accepts the short length form and BER's indefinite length", () => {
    expect(isSignedData(Uint8Array.from([0x30, 0x20, ...OID, 0xa0]), 0x22)).toBe(true);
    expect(isSignedData(Uint8Array.from([0x30, 0x80, ...OID, 0xa0, 0x80]), 100)).toBe(true);
  });

  it("refuses other content types, other tags and impossible lengths", () => {
    const envelopedData = [...OID.slice(0, -1), 0x03];
    expect(isSignedData(Uint8Array.from([0x30, 0x80, ...envelopedData, 0xa0]), 100)).toBe(false);
    expect(isSignedData(Uint8Array.from([0x31, 0x80, ...OID, 0xa0]), 100)).toBe(false);
    expect(isSignedData(Uint8Array.from([0x30, 0x80, ...OID, 0x04]), 100)).toBe(false);
    expect(isSignedData(Uint8Array.from([0x30, 0x85, 1, 0, 0, 0, 0, ...OID, 0xa0]), 1 << 30)).toBe(false);
    expect(isSignedData(Uint8Array.from([0x30]), 1)).toBe(false);
    expect(isSignedData(Uint8Array.from([]), 0)).toBe(false);
  });
});

describe("hasBinaryBytes", () => {
  it("lets through text with tabs, line breaks and any high byte", () => {
    expect(hasBinaryBytes(new TextEncoder().encode("a\tb\r\nc\fè€"))).toBe(false);
    expect(hasBinaryBytes(Uint8Array.from([0x50, 0xe8, 0x80, 0x9f, 0xff]))).toBe(false);
  });

  it("catches NUL, other control characters and DEL", () => {
    expect(hasBinaryBytes(Uint8Array.from([0x41, 0x00]))).toBe(true);
    expect(hasBinaryBytes(Uint8Array.from([0x41, 0x1b]))).toBe(true);
    expect(hasBinaryBytes(Uint8Array.from([0x41, 0x7f]))).toBe(true);
  });
});
