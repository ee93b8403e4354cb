import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb, PageHeading, Prose, PublicShell } from "@/ui";

export const metadata: Metadata = { title: "La Comunicazione Bidirezionale si è spostata" };

/**
 * Any address of the old Artigiani e Commercianti cassetto's Comunicazione
 * Bidirezionale that is not one of its pages redirected by the proxy
 * (src/server/old-entry-points/old-paths.ts): where the service is now (F18).
 */
export default function OldEntryPointPage() {
  return (
    <PublicShell>
      <Breadcrumb items={[{ href: "/", label: "Home" }, { label: "Comunicazione Bidirezionale Artigiani e Commercianti" }]} />
      <PageHeading
        title="La Comunicazione Bidirezionale si è spostata"
        lead="La Comunicazione Bidirezionale del Cassetto previdenziale artigiani e commercianti non è più attiva: le sue funzioni sono ora nel Cassetto Previdenziale del Contribuente e, per le sedi INPS, nel Fascicolo Elettronico del Contribuente."
      />
      <Prose>
        <p>
          La pagina che hai aperto apparteneva al servizio precedente. Le richieste già inviate e il loro stato si trovano nel nuovo
          servizio.
        </p>
        <ul>
          <li>
            Titolari di posizione artigiani e commercianti e loro intermediari con delega attiva:{" "}
            <Link href="/cassetto/richieste">Le mie richieste nel Cassetto Previdenziale del Contribuente</Link>, da cui puoi anche inviare
            una nuova richiesta.
          </li>
          <li>
            Operatori delle sedi INPS:{" "}
            <Link href="/fascicolo/quesiti">i quesiti della sede nel Fascicolo Elettronico del Contribuente</Link>.
          </li>
        </ul>
        <p>Aggiorna i segnalibri che puntano al servizio precedente.</p>
      </Prose>
    </PublicShell>
  );
}
