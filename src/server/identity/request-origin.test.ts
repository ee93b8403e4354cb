import { describe, expect, it } from "vitest";
import { requestOriginOf } from "./request-origin";

describe("requestOriginOf", () => {
  it("takes the caller's address as the rate limits do, and the request id", () => {
    const headers = new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.2", "x-request-id": "r-1" });
    expect(requestOriginOf(headers, false)).toEqual({ ip: "203.0.113.7", requestId: "r-1" });
    // Behind a trusted proxy the address is the one the proxy appended.
    expect(requestOriginOf(headers, true)).toEqual({ ip: "10.0.0.2", requestId: "r-1" });
    expect(requestOriginOf(new Headers(), false)).toEqual({});
  });
});
