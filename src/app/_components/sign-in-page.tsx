import { redirect } from "next/navigation";
import { Alert, Breadcrumb, Button, PageHeading } from "@/ui";
import type { DemoIdentity } from "@/server/identity/list-demo-identities";
import { providerIds, realmPaths, safeCallbackPath, type Realm } from "@/server/identity/auth-options";
import { getCsrfToken } from "@/server/identity/session";

type SignInPageProps = {
  realm: Realm;
  title: string;
  lead: string;
  /** The demo identities, or null in production where the identity provider is used. */
  demoIdentities: DemoIdentity[] | null;
  providerLabel: string;
  searchParams: { callbackUrl?: string; error?: string; uscita?: string };
};

const errorMessages: Record<string, string> = {
  CredentialsSignin: "Identità non riconosciuta: scegliere una delle identità elencate.",
  OAuthCallback: "Il gestore dell'identità non ha confermato l'accesso. Riprovare.",
  Callback: "Identità non abilitata all'accesso a questo servizio.",
  SessionRequired: "Per continuare è necessario accedere.",
  RateLimited: "Troppi tentativi di accesso in poco tempo: riprovare tra qualche minuto.",
};

/** The sign-in page of a realm: demo identities outside production, the identity provider in it. */
export async function SignInPage({ realm, title, lead, demoIdentities, providerLabel, searchParams }: SignInPageProps) {
  const requested = safeCallbackPath(searchParams.callbackUrl);
  const callbackPath = requested.startsWith(realmPaths[realm].home) ? requested : realmPaths[realm].home;
  const csrfToken = await getCsrfToken();
  if (!csrfToken) {
    // next-auth sets its anti-forgery cookie on this round trip, then comes back here.
    redirect(`/api/auth/signin?realm=${realm}&callbackUrl=${encodeURIComponent(callbackPath)}`);
  }
  const error = searchParams.error ? (errorMessages[searchParams.error] ?? "Accesso non riuscito. Riprovare.") : null;

  return (
    <>
      <Breadcrumb items={[{ href: "/", label: "Home" }, { label: title }]} />
      <PageHeading title={title} lead={lead} />
      {searchParams.uscita && <Alert tone="success">Sei uscito dal servizio.</Alert>}
      {error && <Alert tone="danger">{error}</Alert>}
      {demoIdentities ? (
        <section aria-labelledby="identita-demo">
          <h2 id="identita-demo" className="mt-8 text-2xl font-semibold">
            Identità dimostrative
          </h2>
          <p className="mt-2 max-w-prose">
            Ambiente dimostrativo: si accede scegliendo una delle identità di prova, senza SPID o CIE. In produzione
            questa pagina non esiste.
          </p>
          <ul className="mt-6 grid gap-4 md:grid-cols-2">
            {demoIdentities.map((identity) => (
              <li key={identity.codiceFiscale} className="rounded-sm border border-neutral-300 bg-white p-4">
                <p className="text-lg font-semibold">{identity.name}</p>
                <p className="font-mono text-sm">{identity.codiceFiscale}</p>
                <ul className="mt-2 list-disc pl-5 text-sm">
                  {identity.description.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
                <form method="post" action={`/api/auth/callback/${providerIds[realm].demo}`} className="mt-4">
                  <input type="hidden" name="csrfToken" value={csrfToken} />
                  <input type="hidden" name="callbackUrl" value={callbackPath} />
                  <input type="hidden" name="codiceFiscale" value={identity.codiceFiscale} />
                  <Button>Accedi come {identity.name}</Button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <form method="post" action={`/api/auth/signin/${providerIds[realm].oidc}`} className="mt-8">
          <input type="hidden" name="csrfToken" value={csrfToken} />
          <input type="hidden" name="callbackUrl" value={callbackPath} />
          <Button>Entra con {providerLabel}</Button>
        </form>
      )}
    </>
  );
}
