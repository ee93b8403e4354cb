import type { ReactNode } from "react";
import { SignOutForm } from "@/app/_components/sign-out-form";
import { hasInstancePositions } from "@/server/istanze/has-instance-positions";
import { profileLabels } from "@/server/identity/actor";
import { getContributorResolution, signedInPersonHeldGestioni } from "@/server/identity/session";
import { availableSmartTaskKinds } from "@/server/smart-tasks/enablement";
import { AreaShell } from "@/ui";

/** The Cassetto's frame. Access is checked by each page, not here (layouts are not re-run on every navigation). */
export default async function CassettoLayout({ children }: { children: ReactNode }) {
  const resolution = await getContributorResolution();
  const actor = resolution?.status === "ok" ? resolution.actor : null;
  const signedInName =
    resolution?.status === "ok" ? resolution.actor.displayName : resolution?.status === "choose-profile" ? resolution.displayName : null;
  const [offersInstances, smartTaskKinds] = actor
    ? await Promise.all([
        signedInPersonHeldGestioni().then((held) => hasInstancePositions(actor, new Date(), held)),
        availableSmartTaskKinds(actor),
      ])
    : [false, []];
  const nav = actor
    ? [
        { href: "/cassetto", label: "Area personale" },
        { href: "/cassetto/richieste", label: "Le mie richieste" },
        { href: "/cassetto/richieste/nuova", label: "Nuova richiesta" },
        ...(offersInstances ? [{ href: "/cassetto/istanze", label: "Istanze online" }] : []),
        { href: "/cassetto/comunicazioni", label: "Comunicazioni ricevute" },
        { href: "/cassetto/agenda", label: "Agenda" },
        { href: "/cassetto/deleghe", label: "Deleghe" },
        { href: "/cassetto/contatti", label: "Contatti" },
        ...(smartTaskKinds.length > 0 ? [{ href: "/cassetto/smart-task", label: "Smart-Task" }] : []),
        ...(actor.availableProfiles.length > 1 ? [{ href: "/cassetto/profilo", label: "Cambia profilo" }] : []),
      ]
    : [];
  return (
    <AreaShell
      service="cassetto"
      nav={nav}
      user={signedInName ? { name: signedInName, ...(actor ? { detail: profileLabels[actor.profile] } : {}) } : undefined}
      signOut={signedInName ? <SignOutForm realm="cassetto" /> : undefined}
    >
      {children}
    </AreaShell>
  );
}
