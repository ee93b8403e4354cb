import type { Metadata } from "next";
import { Breadcrumb, PageHeading, Prose, PublicShell } from "@/ui";

export const metadata: Metadata = {
  title: "Note legali",
};

export default function LegalNotesPage() {
  return (
    <PublicShell>
      <Breadcrumb items={[{ href: "/", label: "Home" }, { label: "Note legali" }]} />
      <PageHeading title="Note legali" lead="Condizioni d'uso dei contenuti e del servizio Comunicazione Bidirezionale." />
      <Prose>
        <h2>Diritti sui contenuti</h2>
        <p>
          I testi e gli elementi grafici di questo sito sono di proprietà dell&apos;Istituto Nazionale della Previdenza Sociale. Salvo
          diversa indicazione possono essere riprodotti citando la fonte, senza alterarne il significato. Il codice sorgente del servizio è
          rilasciato con licenza EUPL-1.2.
        </p>

        <h2>Uso del servizio</h2>
        <p>
          L&apos;accesso al Cassetto Previdenziale del Contribuente è personale e avviene con identità digitale. Chi accede risponde delle
          informazioni inviate e dei documenti allegati; gli intermediari e i dipendenti delegati operano nei limiti della delega ricevuta.
        </p>
        <p>Ogni richiesta riceve un numero di protocollo che ne attesta la data di ricezione da parte dell&apos;Istituto.</p>

        <h2>Limitazione di responsabilità</h2>
        <p>
          L&apos;INPS cura l&apos;esattezza e l&apos;aggiornamento delle informazioni pubblicate, ma non risponde di danni derivanti da
          interruzioni del servizio dovute a cause di forza maggiore, a manutenzione programmata o a malfunzionamenti delle reti di
          comunicazione.
        </p>

        <h2>Collegamenti ad altri siti</h2>
        <p>
          I collegamenti a siti esterni sono forniti per comodità dell&apos;utente. L&apos;INPS non è responsabile dei contenuti di tali
          siti né del trattamento dei dati che vi avviene.
        </p>
      </Prose>
    </PublicShell>
  );
}
