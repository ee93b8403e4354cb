import { getCsrfToken } from "@/server/identity/session";
import { realmPaths, signOutCallbackPath, type Realm } from "@/server/identity/realms";
import { SignOutButton } from "@/ui";

const linkClasses = "font-semibold text-white underline underline-offset-4 hover:no-underline";

/**
 * Sign-out for one realm, without JavaScript: a form posting to next-auth when
 * the anti-forgery cookie is there, else a link to the confirmation page,
 * which also offers "Esci da tutti i dispositivi".
 */
export async function SignOutForm({ realm }: { realm: Realm }) {
  const csrfToken = await getCsrfToken();
  if (!csrfToken) {
    return (
      <a className={linkClasses} href={realmPaths[realm].signOut}>
        Esci
      </a>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <SignOutButton action={`/api/auth/signout?realm=${realm}`} hiddenFields={{ csrfToken, callbackUrl: signOutCallbackPath(realm) }} />
      <a className={linkClasses} href={realmPaths[realm].signOut}>
        Esci da tutti i dispositivi
      </a>
    </div>
  );
}
