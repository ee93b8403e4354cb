import { redirect } from "next/navigation";
import { Breadcrumb, Button, PageHeading } from "@/ui";
import { realmPaths, signOutCallbackPath, type Realm } from "@/server/identity/realms";
import { getCsrfToken } from "@/server/identity/session";
import { signOutEverywhereAction } from "./sign-out-actions";

/**
 * Sign-out of this browser, or of every device signed in to this realm (a
 * session left open elsewhere, a lost phone). Also where the header's "Esci"
 * leads when it could not post directly (no anti-forgery cookie yet).
 */
export async function SignOutPage({ realm }: { realm: Realm }) {
  const csrfToken = await getCsrfToken();
  if (!csrfToken) redirect(`/api/auth/signout?realm=${realm}`);
  return (
    <>
      <Breadcrumb items={[{ href: realmPaths[realm].home, label: "Home" }, { label: "Esci" }]} />
      <PageHeading title="Uscire dal servizio?" />
      <form method="post" action={`/api/auth/signout?realm=${realm}`} className="mt-6">
        <input type="hidden" name="csrfToken" value={csrfToken} />
        <input type="hidden" name="callbackUrl" value={signOutCallbackPath(realm)} />
        <Button>Esci</Button>
      </form>
      <section aria-labelledby="tutti-i-dispositivi" className="mt-10 max-w-prose">
        <h2 id="tutti-i-dispositivi" className="text-2xl font-semibold">
          Tutti i dispositivi
        </h2>
        <p className="mt-2">
          Chiude anche gli accessi aperti su altri computer, telefoni o browser, ad esempio se hai dimenticato di uscire o hai perso un
          dispositivo.
        </p>
        <form action={signOutEverywhereAction.bind(null, realm)} className="mt-4">
          <Button variant="secondary">Esci da tutti i dispositivi</Button>
        </form>
      </section>
    </>
  );
}
