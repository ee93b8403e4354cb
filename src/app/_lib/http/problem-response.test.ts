import { describe, expect, it } from "vitest";
import { NotFoundError } from "@/server/errors/domain-errors";
import { RateLimitedError } from "@/server/rate-limit/rate-limited-error";
import { problemResponse } from "./problem-response";

describe("problemResponse", () => {
  it("builds an application/problem+json response", async () => {
    const response = problemResponse(new NotFoundError());
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect((await response.json()).title).toBe("Risorsa non trovata");
  });

  it("gives an unexpected error a request id to quote to support", async () => {
    const body = await problemResponse(new Error("boom")).json();
    expect(body.status).toBe(500);
    expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("tells a client over a limit when to come back, and the limit's policy", async () => {
    const response = problemResponse(new RateLimitedError("exports", 10, 600, 125));

    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("125");
    expect(response.headers.get("ratelimit-policy")).toBe('"exports";q=10;w=600');
    expect(response.headers.get("ratelimit")).toBe('"exports";r=0;t=125');
    expect(await response.json()).toMatchObject({
      status: 429,
      title: "Troppe richieste",
      detail: "Troppe richieste in poco tempo: riprovare tra 3 minuti.",
    });
  });
});
