import { redirect } from "next/navigation";
import { Alert, Breadcrumb, Button, PageHeading } from "@/ui";
import type { SignInRefusal } from "@/server/identity/authenticate";
import type { DemoIdentity } from "@/server/identity/list-demo-identities";
import { providerIds, realmPaths, safeCallbackPath, type Realm } from "@/server/identity/auth-options";
import { getCsrfToken, sessionEndedForIdleness } from "@/server/identity/session";

type SignInPageProps = {
  realm: Realm;
  title: string;
  lead: string;
  /** The demo identities, or null in production where the identity provider is used. */
  demoIdentities: DemoIdentity[] | null;
  providerLabel: string;
  searchParams: { callbackUrl?: string; error?: string; uscita?: string };
};

const errorMessages: Record<
  SignInRefusal | "CredentialsSignin" | "OAuthCallback" | "Callback" | "SessionRequired" | "RateLimited",
  string
> = {
  "unknown-identity": "Identità non riconosciuta: scegliere una delle identità elencate.",
  "operator-not-enabled": "Identità non abilitata all'accesso al Fascicolo: rivolgersi al responsabile della propria struttura.",
  "fiscal-number-missing":
    "Il gestore dell'identità non ha comunicato il codice fiscale: l'accesso non è possibile. Riprovare o usare un'altra identità digitale.",
  "fiscal-number-malformed":
    "Il gestore dell'identità ha comunicato il codice fiscale in un formato non previsto: l'accesso non è possibile. Riprovare o usare un'altra identità digitale.",
  "codice-fiscale-invalid":
    "Il codice fiscale comunicato dal gestore dell'identità non è valido: l'accesso non è possibile. Riprovare o usare un'altra identità digitale.",
  CredentialsSignin: "Identità non riconosciuta: scegliere una delle identità elencate.",
  OAuthCallback: "L'accesso non è stato confermato dal gestore dell'identità o è scaduto. Riprovare dall'inizio.",
  Callback: "Accesso non riuscito. Riprovare dall'inizio.",
  SessionRequired: "Per continuare è necessario accedere.",
  RateLimited: "Troppi tentativi di accesso in poco tempo: riprovare tra qualche minuto.",
};

const signOutMessages: Record<string, string> = {
  "1": "Sei uscito dal servizio.",
  ovunque: "Sei uscito dal servizio su tutti i dispositivi.",
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
  const error = searchParams.error
    ? Object.hasOwn(errorMessages, searchParams.error)
      ? errorMessages[searchParams.error as keyof typeof errorMessages]
      : "Accesso non riuscito. Riprovare."
    : null;
  const signedOut = searchParams.uscita ? (signOutMessages[searchParams.uscita] ?? signOutMessages["1"]) : null;
  // The cookie still names the session the server ended: it outlives next-auth's round trip for its anti-forgery cookie.
  const idle = !signedOut && (await sessionEndedForIdleness(realm));

  return (
    <>
      <Breadcrumb items={[{ href: "/", label: "Home" }, { label: title }]} />
      <PageHeading title={title} lead={lead} />
      {signedOut && <Alert tone="success">{signedOut}</Alert>}
      {idle && (
        <Alert tone="warning" important>
          La sessione è scaduta per inattività: accedi di nuovo.
        </Alert>
      )}
      {error && <Alert tone="danger">{error}</Alert>}
      {demoIdentities ? (
        <section aria-labelledby="identita-demo">
          <h2 id="identita-demo" className="mt-8 text-2xl font-semibold">
            Identità dimostrative
          </h2>
          <p className="mt-2 max-w-prose">
            Ambiente dimostrativo: si accede scegliendo una delle identità di prova, senza SPID o CIE. In produzione questa pagina non
            esiste.
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
