import { describe, expect, it } from "vitest";
import { auditRetentionCutoff } from "./prune-audit-log";

describe("auditRetentionCutoff", () => {
  it("goes back whole calendar months", () => {
    expect(auditRetentionCutoff(6, new Date("2026-12-06T01:00:00.000Z"))).toEqual(new Date("2026-06-06T01:00:00.000Z"));
    expect(auditRetentionCutoff(12, new Date("2027-03-15T00:00:00.000Z"))).toEqual(new Date("2026-03-15T00:00:00.000Z"));
  });
});
