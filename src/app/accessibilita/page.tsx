import type { Metadata } from "next";
import { Breadcrumb, PageHeading, Prose, PublicShell } from "@/ui";

export const metadata: Metadata = {
  title: "Dichiarazione di accessibilità",
};

export default function AccessibilityStatementPage() {
  return (
    <PublicShell>
      <Breadcrumb items={[{ href: "/", label: "Home" }, { label: "Dichiarazione di accessibilità" }]} />
      <PageHeading
        title="Dichiarazione di accessibilità"
        lead="L'INPS si impegna a rendere accessibile il servizio Comunicazione Bidirezionale, conformemente alla legge 9 gennaio 2004, n. 4 e al decreto legislativo 10 agosto 2018, n. 106, che ha recepito la direttiva (UE) 2016/2102."
      />
      <Prose>
        <p>
          La presente dichiarazione si applica al Cassetto Previdenziale del Contribuente e al Fascicolo Elettronico del Contribuente,
          raggiungibili da questo sito.
        </p>

        <h2>Stato di conformità</h2>
        <p>
          Il servizio è parzialmente conforme ai requisiti previsti dall&apos;allegato A alla norma UNI CEI EN 301549 e alle Web Content
          Accessibility Guidelines (WCAG) 2.1 livello AA, richiamate dalle Linee guida AgID sull&apos;accessibilità degli strumenti
          informatici, per i contenuti non accessibili indicati di seguito.
        </p>

        <h2>Contenuti non accessibili</h2>
        <p>
          I documenti allegati dagli utenti alle richieste, ad esempio file PDF o immagini acquisite da scanner, non sono prodotti
          dall&apos;INPS e potrebbero non essere accessibili. Se un allegato ricevuto non è fruibile, è possibile chiederne una versione
          alternativa rispondendo nella stessa richiesta.
        </p>

        <h2>Redazione della dichiarazione</h2>
        <p>
          La dichiarazione è stata redatta il 22 novembre 2026 sulla base di un&apos;autovalutazione: verifiche automatiche di ogni pagina
          sui criteri WCAG 2.1 di livello A e AA e verifiche manuali della navigazione da tastiera e con lettore di schermo.
        </p>

        <h2>Meccanismo di feedback e recapiti</h2>
        <p>
          Per segnalare casi di mancata conformità o per chiedere informazioni e contenuti esclusi dall&apos;ambito di applicazione della
          direttiva, è possibile scrivere a <a href="mailto:accessibilita@inps.example">accessibilita@inps.example</a>. La risposta viene
          fornita entro trenta giorni.
        </p>

        <h2>Procedura di attuazione</h2>
        <p>
          In caso di risposta insoddisfacente o di mancata risposta entro trenta giorni dalla segnalazione, è possibile inviare una
          segnalazione al Difensore civico per il digitale istituito presso l&apos;Agenzia per l&apos;Italia Digitale (
          <a href="https://www.agid.gov.it">www.agid.gov.it</a>), ai sensi dell&apos;articolo 3-quinquies della legge 4/2004.
        </p>

        <h2>Informazioni sul servizio</h2>
        <ul>
          <li>Data di pubblicazione della dichiarazione: 22 novembre 2026.</li>
          <li>
            Il servizio segue il design system della Pubblica Amministrazione italiana (Designers Italia): contrasto dei colori, indicatore
            del focus visibile, collegamento per saltare al contenuto, etichette su tutti i campi dei moduli ed errori associati ai campi.
          </li>
          <li>Tutte le funzioni sono utilizzabili anche con JavaScript disattivato.</li>
        </ul>
      </Prose>
    </PublicShell>
  );
}
