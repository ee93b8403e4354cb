import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { stubProductionEnv } from "../../../tests/support/production-env";
import { signOutDestination } from "./provider-sign-out";

let server: Server | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** An issuer whose discovery document is `discovery`. */
async function issuerWith(discovery: object): Promise<string> {
  server = createServer((_request, response) => response.setHeader("content-type", "application/json").end(JSON.stringify(discovery)));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("signOutDestination", () => {
  it("goes back to the sign-in page in the demo", async () => {
    vi.stubEnv("APP_ENV", "demo");
    vi.stubEnv("PUBLIC_URL", "http://localhost:3000");
    expect(await signOutDestination("fascicolo")).toBe("http://localhost:3000/fascicolo/accesso?uscita=1");
  });

  it("goes through the provider's logout, which sends the browser back to the sign-in page", async () => {
    const issuer = await issuerWith({ end_session_endpoint: "https://identita.example.it/session/end" });
    stubProductionEnv({ PUBLIC_URL: "https://cassetto.example.it", OIDC_CONTRIBUENTI_ISSUER: issuer });
    const destination = new URL(await signOutDestination("cassetto"));
    expect(destination.origin + destination.pathname).toBe("https://identita.example.it/session/end");
    expect(Object.fromEntries(destination.searchParams)).toEqual({
      client_id: "cassetto",
      post_logout_redirect_uri: "https://cassetto.example.it/accesso?uscita=1",
    });
  });

  it("goes straight back when the provider offers no logout or does not answer", async () => {
    stubProductionEnv({ PUBLIC_URL: "https://cassetto.example.it", OIDC_OPERATORI_ISSUER: await issuerWith({ issuer: "x" }) });
    expect(await signOutDestination("fascicolo")).toBe("https://cassetto.example.it/fascicolo/accesso?uscita=1");
    vi.stubEnv("OIDC_OPERATORI_ISSUER", "http://127.0.0.1:9");
    expect(await signOutDestination("fascicolo")).toBe("https://cassetto.example.it/fascicolo/accesso?uscita=1");
  });
});
