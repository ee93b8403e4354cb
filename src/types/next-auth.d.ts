import type { Realm } from "@/server/identity/auth-options";

declare module "next-auth" {
  interface Session {
    subjectId?: string;
    realm?: Realm;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    realm?: Realm;
  }
}
