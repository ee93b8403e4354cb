import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

const headers = (forwardedFor?: string) => new Headers(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor });

describe("clientAddress", () => {
  it("takes the address the trusted proxy appended, not what the caller claimed before it", () => {
    expect(clientAddress(headers("198.51.100.1, 203.0.113.9"), true)).toBe("203.0.113.9");
  });

  it("takes the address Next.js wrote without a trusted proxy", () => {
    expect(clientAddress(headers("::ffff:127.0.0.1"), false)).toBe("::ffff:127.0.0.1");
    expect(clientAddress(headers("198.51.100.1, 203.0.113.9"), false)).toBe("198.51.100.1");
  });

  it("knows no address when there is none, and bounds what a caller wrote", () => {
    expect(clientAddress(headers(), true)).toBeUndefined();
    expect(clientAddress(headers(" , "), false)).toBeUndefined();
    expect(clientAddress(headers("x".repeat(500)), false)).toHaveLength(64);
  });
});
