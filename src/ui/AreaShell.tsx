import type { ReactNode } from "react";
import { MainNav, type NavItem } from "./MainNav";
import { ServiceHeader } from "./ServiceHeader";
import { SlimHeader, type SignedInUser } from "./SlimHeader";

export type AreaService = "cassetto" | "fascicolo" | "admin";

interface AreaShellProps {
  service: AreaService;
  nav: NavItem[];
  /** Overrides the path used to mark the current navigation item. */
  currentPath?: string;
  user?: SignedInUser;
  /** Usually a `<SignOutButton>`, shown beside the user's name. */
  signOut?: ReactNode;
  children: ReactNode;
}

const services: Record<AreaService, { name: string; tagline: string; home: string }> = {
  cassetto: {
    name: "Cassetto Previdenziale del Contribuente",
    tagline: "Richieste e comunicazioni con l'INPS per contribuenti e intermediari",
    home: "/cassetto",
  },
  fascicolo: {
    name: "Fascicolo Elettronico del Contribuente",
    tagline: "Gestione delle richieste dei contribuenti per le sedi INPS",
    home: "/fascicolo",
  },
  admin: {
    name: "Amministrazione – Comunicazione Bidirezionale",
    tagline: "Oggetti delle richieste, sedi e competenze, limiti per gestione, operatori",
    home: "/admin",
  },
};

/** Page frame of an area: headers, main navigation and the `<main id="contenuto">` landmark. */
export function AreaShell({ service, nav, currentPath, user, signOut, children }: AreaShellProps) {
  const { name, tagline, home } = services[service];
  return (
    <>
      <header>
        <SlimHeader user={user} signOut={signOut} />
        <ServiceHeader name={name} tagline={tagline} href={home} />
        {nav.length > 0 ? <MainNav items={nav} currentPath={currentPath} /> : null}
      </header>
      <main id="contenuto" tabIndex={-1} className="page-container flex-1 py-8 md:py-10">
        {children}
      </main>
    </>
  );
}
