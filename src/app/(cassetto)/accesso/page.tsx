import type { Metadata } from "next";
import { SignInPage } from "@/app/_components/sign-in-page";
import { getConfig } from "@/server/config";
import { listDemoPeople } from "@/server/identity/list-demo-identities";

export const metadata: Metadata = { title: "Accesso al Cassetto" };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string; uscita?: string }> };

export default async function ContributorSignInPage({ searchParams }: Props) {
  return (
    <SignInPage
      realm="cassetto"
      title="Accesso al Cassetto Previdenziale"
      lead="Contribuenti, intermediari e dipendenti delegati accedono con la propria identità digitale."
      demoIdentities={getConfig().isDemo ? await listDemoPeople() : null}
      providerLabel="SPID o CIE"
      searchParams={await searchParams}
    />
  );
}
