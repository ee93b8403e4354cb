import { getCsrfToken } from "@/server/identity/session";
import { realmPaths, type Realm } from "@/server/identity/auth-options";
import { SignOutButton } from "@/ui";

/**
 * Sign-out for one realm, without JavaScript: a form posting to next-auth when
 * the anti-forgery cookie is there, else a link to the confirmation page.
 */
export async function SignOutForm({ realm }: { realm: Realm }) {
  const csrfToken = await getCsrfToken();
  if (!csrfToken) {
    return (
      <a className="font-semibold text-white underline underline-offset-4 hover:no-underline" href={realmPaths[realm].signOut}>
        Esci
      </a>
    );
  }
  return (
    <SignOutButton
      action={`/api/auth/signout?realm=${realm}`}
      hiddenFields={{ csrfToken, callbackUrl: `${realmPaths[realm].signIn}?uscita=1` }}
    />
  );
}
