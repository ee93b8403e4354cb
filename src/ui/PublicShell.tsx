import type { ReactNode } from "react";
import { ServiceHeader } from "./ServiceHeader";
import { SlimHeader } from "./SlimHeader";

interface PublicShellProps {
  children: ReactNode;
}

/** Page frame of the public pages (home, legal pages, error pages): no navigation, no user. */
export function PublicShell({ children }: PublicShellProps) {
  return (
    <>
      <header>
        <SlimHeader />
        <ServiceHeader name="Comunicazione Bidirezionale" tagline="Il canale tra l'INPS, i contribuenti e gli intermediari" href="/" />
      </header>
      <main id="contenuto" tabIndex={-1} className="page-container flex-1 py-8 md:py-10">
        {children}
      </main>
    </>
  );
}
