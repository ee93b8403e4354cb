import type { SignInRefusal } from "@/server/identity/authenticate";
import type { Realm } from "@/server/identity/realms";

declare module "next-auth" {
  interface Session {
    subjectId?: string;
    realm?: Realm;
    /** The AuthSession row checked on every request (decision 0014). */
    sessionId?: string;
  }

  /** What a provider hands to the callbacks: the subject, or why it was refused. */
  interface User {
    codiceFiscale?: string;
    refusal?: SignInRefusal;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    realm?: Realm;
    sid?: string;
  }
}
