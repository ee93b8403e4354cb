import type { ReactNode } from "react";
import { SignOutForm } from "@/app/_components/sign-out-form";
import { isAdmin } from "@/server/admin/policy";
import { roleLabels } from "@/server/identity/actor";
import { getOperator } from "@/server/identity/session";
import { AreaShell } from "@/ui";
import { adminSections } from "./admin/sections";

/**
 * The administration's frame, for operators with the ADMIN role. Access is
 * checked by each page's service (decision 0042); the frame only hides the
 * navigation from everybody else.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const operator = await getOperator();
  const admin = operator && isAdmin(operator) ? operator : null;
  return (
    <AreaShell
      service="admin"
      nav={
        admin ? [...adminSections.map(({ href, label }) => ({ href, label })), { href: "/fascicolo", label: "Fascicolo elettronico" }] : []
      }
      user={admin ? { name: admin.displayName, detail: `${roleLabels[admin.role]} – ${admin.office.name}` } : undefined}
      signOut={admin ? <SignOutForm realm="fascicolo" /> : undefined}
    >
      {children}
    </AreaShell>
  );
}
