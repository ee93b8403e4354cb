import { describe, expect, it } from "vitest";
import { normalizeVerificationCode } from "./schemas";
import { formatVerificationCode, generateVerificationCode, hashVerificationCode, verificationCodeMatches } from "./verification-code";

describe("verification codes", () => {
  it("are eight characters without look-alikes, and differ from one call to the next", () => {
    const codes = Array.from({ length: 200 }, generateVerificationCode);
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("are read out in two groups and accepted however they are typed", async () => {
    const code = "AB3DEF7H";
    expect(formatVerificationCode(code)).toBe("AB3D-EF7H");
    expect(normalizeVerificationCode(" ab3d-ef7h ")).toBe(code);
    const stored = await hashVerificationCode(code);
    expect(await verificationCodeMatches("ab3d ef7h", stored)).toBe(true);
  });

  it("are stored only as a salted hash that refuses any other code", async () => {
    const stored = await hashVerificationCode("AB3DEF7H");
    expect(stored).not.toContain("AB3DEF7H");
    expect(stored).toMatch(/^scrypt\$[\w-]+\$[\w-]+$/);
    expect(await hashVerificationCode("AB3DEF7H")).not.toBe(stored);
    expect(await verificationCodeMatches("AB3DEF7J", stored)).toBe(false);
    expect(await verificationCodeMatches("AB3DEF7H", "md5$x$y")).toBe(false);
  });
});
