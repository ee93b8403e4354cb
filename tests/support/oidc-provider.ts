import type { Server } from "node:http";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";

/** The SPID/CIE attribute with the codice fiscale (as in src/server/identity/identity-claims.ts). */
const FISCAL_NUMBER_CLAIM = "https://attributes.eid.gov.it/fiscal_number";

/**
 * Test accounts whose claims are broken on purpose; any other login is taken
 * as a codice fiscale and asserted as `TINIT-<login>`, as an identity proxy does.
 */
export const brokenAccounts = {
  /** No fiscal_number claim at all. */
  missing: "senza-codice-fiscale",
  /** The codice fiscale without its TINIT- prefix. */
  malformed: "codice-fiscale-malformato",
  /** TINIT- and a code whose check character is wrong. */
  invalid: "codice-fiscale-non-valido",
} as const;

function claimsOf(login: string): Record<string, unknown> {
  const names = { given_name: "Utente", family_name: "Di Prova" };
  switch (login) {
    case brokenAccounts.missing:
      return names;
    case brokenAccounts.malformed:
      return { ...names, [FISCAL_NUMBER_CLAIM]: "RSSMRA78E14H501S" };
    case brokenAccounts.invalid:
      return { ...names, [FISCAL_NUMBER_CLAIM]: "TINIT-RSSMRA78E14H501X" };
    default:
      return { ...names, [FISCAL_NUMBER_CLAIM]: `TINIT-${login}` };
  }
}

export type OidcClient = { clientId: string; clientSecret: string; redirectUri: string; postLogoutRedirectUri: string };

export type RunningOidcProvider = { issuer: string; close(): Promise<void> };

/**
 * A real OpenID provider (npm `oidc-provider`) on 127.0.0.1, configured like
 * an identity proxy in front of SPID/CIE: code flow with PKCE, the fiscal
 * number attribute in the ID token, RP-initiated logout. Its development
 * login page accepts any login and password; the login picks the claims.
 */
export async function startOidcProvider(port: number, clients: OidcClient[]): Promise<RunningOidcProvider> {
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: [client.redirectUri],
      post_logout_redirect_uris: [client.postLogoutRedirectUri],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    })),
    scopes: ["openid", "profile"],
    claims: { openid: ["sub"], profile: ["given_name", "family_name", FISCAL_NUMBER_CLAIM] },
    // The portal reads the attributes from the ID token, as identity proxies send them.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
    cookies: { keys: ["chiave-di-prova-dei-cookie-del-provider"] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    findAccount: (_ctx: KoaContextWithOIDC, login: string) => ({
      accountId: login,
      claims: () => ({ sub: login, ...claimsOf(login) }),
    }),
    // First-party clients: consent is implied, no second page after the login.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { client, session } = ctx.oidc;
      const existing = session?.grantIdFor(client!.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: client!.clientId, accountId: session!.accountId! });
      grant.addOIDCScope("openid profile");
      await grant.save();
      return grant;
    },
  });
  const server: Server = await new Promise((resolve) => {
    const listening = provider.listen(port, "127.0.0.1", () => resolve(listening));
  });
  return {
    issuer,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
