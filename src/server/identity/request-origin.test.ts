import { describe, expect, it } from "vitest";
import { requestOriginOf } from "./request-origin";

describe("requestOriginOf", () => {
  it("takes the client's address from X-Forwarded-For, else X-Real-IP, and the request id", () => {
    expect(requestOriginOf(new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.2", "x-request-id": "r-1" }))).toEqual({
      ip: "203.0.113.7",
      requestId: "r-1",
    });
    expect(requestOriginOf(new Headers({ "x-real-ip": "198.51.100.4" }))).toEqual({ ip: "198.51.100.4" });
    expect(requestOriginOf(new Headers())).toEqual({});
  });
});
