import Link from "next/link";
import { Card, PageHeading, PublicShell, buttonClasses } from "@/ui";

export default function HomePage() {
  return (
    <PublicShell>
      <PageHeading
        title="Comunicazione Bidirezionale con l'INPS"
        lead="Con Comunicazione Bidirezionale contribuenti, intermediari e dipendenti delegati inviano all'INPS richieste e quesiti sulle posizioni contributive delle aziende, della Gestione Separata e degli artigiani e commercianti. Ogni richiesta riceve un numero di protocollo, viene assegnata alla sede competente e la risposta arriva nello stesso canale, con allegati, notifiche via e-mail, PEC o SMS e lo storico sempre consultabile."
      />
      <div className="grid gap-6 md:grid-cols-2">
        <Card title="Cassetto Previdenziale del Contribuente">
          <p className="mb-6">
            Per contribuenti, intermediari e dipendenti delegati. Accedi con la tua identità digitale per inviare una richiesta, rispondere
            alla sede e seguire lo stato delle tue pratiche.
          </p>
          <Link href="/accesso" className={buttonClasses("primary")}>
            Accedi al Cassetto Previdenziale
          </Link>
        </Card>
        <Card title="Fascicolo Elettronico del Contribuente">
          <p className="mb-6">
            Per gli operatori e i responsabili delle sedi territoriali INPS: presa in carico, risposta e chiusura delle richieste assegnate
            alla sede.
          </p>
          <Link href="/fascicolo/accesso" className={buttonClasses("secondary")}>
            Accesso operatori – Fascicolo Elettronico
          </Link>
        </Card>
      </div>
    </PublicShell>
  );
}
