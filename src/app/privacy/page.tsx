import type { Metadata } from "next";
import { Breadcrumb, PageHeading, Prose, PublicShell } from "@/ui";

export const metadata: Metadata = {
  title: "Informativa privacy",
};

export default function PrivacyPage() {
  return (
    <PublicShell>
      <Breadcrumb items={[{ href: "/", label: "Home" }, { label: "Informativa privacy" }]} />
      <PageHeading
        title="Informativa sul trattamento dei dati personali"
        lead="Informativa resa ai sensi degli articoli 13 e 14 del Regolamento (UE) 2016/679 (GDPR) a chi usa il servizio Comunicazione Bidirezionale."
      />
      <Prose>
        <h2>Titolare del trattamento</h2>
        <p>
          Il titolare del trattamento è l&apos;Istituto Nazionale della Previdenza Sociale (INPS), con sede legale in Via Ciro il Grande, 21
          – 00144 Roma.
        </p>

        <h2>Responsabile della protezione dei dati</h2>
        <p>
          Il Responsabile della protezione dei dati (RPD) è contattabile all&apos;indirizzo{" "}
          <a href="mailto:responsabile.protezionedati@inps.example">responsabile.protezionedati@inps.example</a>.
        </p>

        <h2>Dati trattati</h2>
        <ul>
          <li>dati identificativi: nome, cognome e codice fiscale di chi accede;</li>
          <li>dati della posizione contributiva: gestione, matricola o codice della posizione, deleghe;</li>
          <li>recapiti indicati per le notifiche: indirizzo e-mail, PEC e numero di cellulare;</li>
          <li>contenuto delle richieste, delle risposte e dei documenti allegati;</li>
          <li>dati tecnici di accesso e di navigazione, registrati per la sicurezza del servizio.</li>
        </ul>

        <h2>Finalità e base giuridica</h2>
        <p>I dati sono trattati per:</p>
        <ul>
          <li>ricevere, protocollare e gestire le richieste rivolte all&apos;INPS e fornire le risposte;</li>
          <li>inviare le notifiche sullo stato delle richieste ai recapiti indicati;</li>
          <li>verificare le deleghe degli intermediari e dei dipendenti delegati;</li>
          <li>garantire la sicurezza del servizio e la tracciabilità delle operazioni.</li>
        </ul>
        <p>
          La base giuridica è l&apos;esecuzione di compiti di interesse pubblico e l&apos;adempimento di obblighi di legge cui è soggetto
          l&apos;Istituto (articolo 6, paragrafo 1, lettere c ed e del GDPR).
        </p>

        <h2>Modalità del trattamento e destinatari</h2>
        <p>
          I dati sono trattati con strumenti informatici dal personale INPS autorizzato, con misure di sicurezza adeguate al rischio.
          Possono trattarli, come responsabili del trattamento, i fornitori che gestiscono per conto dell&apos;Istituto
          l&apos;infrastruttura del servizio e l&apos;invio delle notifiche. I dati non sono diffusi e non sono trasferiti fuori
          dall&apos;Unione europea.
        </p>

        <h2>Conservazione</h2>
        <p>
          Le richieste, le risposte e gli allegati sono conservati per il tempo previsto dalle norme sulla conservazione dei documenti della
          pubblica amministrazione. I dati tecnici di navigazione sono conservati per il tempo strettamente necessario alla sicurezza del
          servizio.
        </p>

        <h2>Diritti dell&apos;interessato</h2>
        <p>
          L&apos;interessato può chiedere l&apos;accesso ai propri dati, la rettifica, la limitazione del trattamento e opporsi al
          trattamento (articoli 15, 16, 18 e 21 del GDPR); la cancellazione è possibile nei limiti dell&apos;articolo 17, paragrafo 3, del
          GDPR. Le richieste vanno inviate al Responsabile della protezione dei dati all&apos;indirizzo indicato sopra.
        </p>
        <p>
          Chi ritiene che il trattamento violi il GDPR può proporre reclamo al Garante per la protezione dei dati personali (
          <a href="https://www.garanteprivacy.it">www.garanteprivacy.it</a>), ai sensi dell&apos;articolo 77 del GDPR.
        </p>

        <h2>Cookie</h2>
        <p>
          Il servizio usa soltanto cookie tecnici, necessari a mantenere la sessione di accesso e a proteggere i moduli. Non usa cookie di
          profilazione né strumenti di analisi di terze parti.
        </p>
      </Prose>
    </PublicShell>
  );
}
