import type { Metadata } from "next";
import { SignInPage } from "@/app/_components/sign-in-page";
import { getConfig } from "@/server/config";
import { listDemoOperators } from "@/server/identity/list-demo-identities";

export const metadata: Metadata = { title: "Accesso operatori" };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string; uscita?: string }> };

export default async function OperatorSignInPage({ searchParams }: Props) {
  return (
    <SignInPage
      realm="fascicolo"
      title="Accesso operatori"
      lead="Gli operatori delle strutture territoriali accedono con l'identità aziendale INPS."
      demoIdentities={getConfig().isDemo ? await listDemoOperators() : null}
      providerLabel="l'identità aziendale INPS"
      searchParams={await searchParams}
    />
  );
}
