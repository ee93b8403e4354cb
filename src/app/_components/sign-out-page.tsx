import { redirect } from "next/navigation";
import { Breadcrumb, Button, PageHeading } from "@/ui";
import { realmPaths, type Realm } from "@/server/identity/auth-options";
import { getCsrfToken } from "@/server/identity/session";

/** Confirms sign-out when the header could not post it directly (no anti-forgery cookie yet). */
export async function SignOutPage({ realm }: { realm: Realm }) {
  const csrfToken = await getCsrfToken();
  if (!csrfToken) redirect(`/api/auth/signout?realm=${realm}`);
  return (
    <>
      <Breadcrumb items={[{ href: realmPaths[realm].home, label: "Home" }, { label: "Esci" }]} />
      <PageHeading title="Uscire dal servizio?" />
      <form method="post" action={`/api/auth/signout?realm=${realm}`} className="mt-6">
        <input type="hidden" name="csrfToken" value={csrfToken} />
        <input type="hidden" name="callbackUrl" value={`${realmPaths[realm].signIn}?uscita=1`} />
        <Button>Esci</Button>
      </form>
    </>
  );
}
