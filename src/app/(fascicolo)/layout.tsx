import type { ReactNode } from "react";
import { SignOutForm } from "@/app/_components/sign-out-form";
import { isAdmin } from "@/server/admin/policy";
import { readsAccessLog } from "@/server/audit/policy";
import { roleLabels } from "@/server/identity/actor";
import { getOperator } from "@/server/identity/session";
import { AreaShell } from "@/ui";

/** The Fascicolo's frame. Access is checked by each page, not here. */
export default async function FascicoloLayout({ children }: { children: ReactNode }) {
  const operator = await getOperator();
  return (
    <AreaShell
      service="fascicolo"
      nav={
        operator
          ? [
              { href: "/fascicolo", label: "Scrivania" },
              { href: "/fascicolo/quesiti", label: "Quesiti" },
              { href: "/fascicolo/contribuenti", label: "Contribuenti" },
              { href: "/fascicolo/comunicazioni/nuova", label: "Nuova comunicazione" },
              { href: "/fascicolo/agenda", label: "Agenda" },
              ...(operator.role === "OPERATORE" ? [] : [{ href: "/fascicolo/statistiche", label: "Tempi di risposta" }]),
              ...(readsAccessLog(operator) ? [{ href: "/fascicolo/registro-accessi", label: "Registro accessi" }] : []),
              ...(isAdmin(operator) ? [{ href: "/admin", label: "Amministrazione" }] : []),
            ]
          : []
      }
      user={operator ? { name: operator.displayName, detail: `${roleLabels[operator.role]} – ${operator.office.name}` } : undefined}
      signOut={operator ? <SignOutForm realm="fascicolo" /> : undefined}
    >
      {children}
    </AreaShell>
  );
}
