import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { profileLabels } from "@/server/identity/actor";
import { getContributorResolution } from "@/server/identity/session";
import { Alert, Breadcrumb, Button, PageHeading } from "@/ui";
import { chooseProfile } from "./actions";

export const metadata: Metadata = { title: "Scegli il profilo" };

type Props = { searchParams: Promise<{ callbackUrl?: string; errore?: string }> };

export default async function ChooseProfilePage({ searchParams }: Props) {
  const { callbackUrl, errore } = await searchParams;
  const resolution = await getContributorResolution();
  if (!resolution || resolution.status === "unknown") redirect("/accesso?callbackUrl=/cassetto/profilo");
  const profiles = resolution.status === "ok" ? resolution.actor.availableProfiles : resolution.profiles;
  const current = resolution.status === "ok" ? resolution.actor.profile : null;

  return (
    <>
      <Breadcrumb items={[{ href: "/cassetto", label: "Cassetto previdenziale" }, { label: "Profilo" }]} />
      <PageHeading title="Con quale profilo vuoi operare?" lead="Puoi cambiare profilo in ogni momento dal menu." />
      {errore && <Alert tone="danger">Il profilo scelto non è disponibile per la tua identità.</Alert>}
      <ul className="mt-6 grid gap-4 md:grid-cols-3">
        {profiles.map((profile) => (
          <li key={profile} className="rounded-sm border border-neutral-300 bg-white p-4">
            <form action={chooseProfile}>
              <input type="hidden" name="profile" value={profile} />
              <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/cassetto"} />
              <p className="text-lg font-semibold">{profileLabels[profile]}</p>
              {current === profile && <p className="text-sm">Profilo attuale</p>}
              <Button className="mt-4">Opera come {profileLabels[profile].toLowerCase()}</Button>
            </form>
          </li>
        ))}
      </ul>
    </>
  );
}
