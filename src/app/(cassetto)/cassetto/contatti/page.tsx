import type { Metadata } from "next";
import { FLASH_PARAM, OUTCOME_NOTICE_ID } from "@/app/_lib/form-flash";
import type { SearchParams } from "@/app/_lib/search-params";
import { preferredChannelLabels } from "@/server/contacts/contact-rules";
import { getContacts, type ContactsSection } from "@/server/contacts/get-contacts";
import { DELEGATE_CONTACTS_READ_ONLY } from "@/server/contacts/update-contacts";
import { requireContributor } from "@/server/identity/session";
import { Alert, Breadcrumb, DescriptionList, PageHeading } from "@/ui";
import { CodeForm, ContactsForm, VerificationForm } from "./_components/ContactForms";
import { ContactHistory } from "./_components/ContactHistory";
import { codeForm, CONTACTS_PATH, contactsForm, pageFlash, verificationForm, type Flash } from "./_lib/flash";

export const metadata: Metadata = { title: "Contatti" };

type Props = { searchParams: Promise<SearchParams> };

function formsOnPage(sections: ContactsSection[], editable: boolean): Set<string> {
  const forms = new Set<string>();
  for (const section of sections) {
    forms.add(editable ? contactsForm(section.gestione) : verificationForm(section.gestione));
    for (const change of section.pending) forms.add(codeForm(change.id));
  }
  return forms;
}

/** A delegate's own contacts, read only. */
function ContactsSummary({ section }: { section: ContactsSection }) {
  const given = (value: string | null) => value ?? "Non indicato";
  return (
    <div className="mt-4">
      <DescriptionList
        rows={[
          ["E-mail", given(section.values.email)],
          ["PEC", given(section.values.pec)],
          ["Cellulare", given(section.values.mobile)],
          ["Telefono fisso", given(section.values.landline)],
          ["Fax", given(section.values.fax)],
          ["Canale preferito", section.preferredChannel ? preferredChannelLabels[section.preferredChannel] : "Nessuna preferenza"],
        ]}
      />
    </div>
  );
}

function Section({ section, editable, flash }: { section: ContactsSection; editable: boolean; flash: Flash | null }) {
  const headingId = `titolo-${section.gestione}`;
  return (
    <section aria-labelledby={headingId} className="mt-10">
      <h2 id={headingId} className="text-xl font-semibold">
        {section.gestioneLabel}
      </h2>
      {section.fromArchive && <p className="mt-2">Sono i contatti presenti nei nostri archivi: verificali e, se serve, aggiornali.</p>}
      {section.pending.length > 0 && (
        <div className="mt-4 grid gap-4">
          <h3 className="text-lg font-semibold">Recapiti da confermare</h3>
          {section.pending.map((change) => (
            <CodeForm key={change.id} change={change} flash={flash} />
          ))}
        </div>
      )}
      {editable ? (
        <ContactsForm section={section} flash={flash} />
      ) : (
        <>
          <ContactsSummary section={section} />
          <VerificationForm section={section} flash={flash} />
        </>
      )}
      {section.history.length > 0 && (
        <ContactHistory caption={`Modifiche dei contatti – ${section.gestioneLabel}`} rows={section.history} />
      )}
    </section>
  );
}

export default async function ContactsPage({ searchParams }: Props) {
  const actor = await requireContributor(CONTACTS_PATH);
  const { editable, sections } = await getContacts(actor);
  const flash = await pageFlash((await searchParams)[FLASH_PARAM]);
  const shownAtForm = flash?.tone === "danger" && flash.form !== undefined && formsOnPage(sections, editable).has(flash.form);

  return (
    <>
      <Breadcrumb items={[{ href: "/cassetto", label: "Cassetto previdenziale" }, { label: "Contatti" }]} />
      <PageHeading
        title="Contatti"
        lead="I recapiti con cui l'Istituto ti raggiunge, per ogni gestione. Valgono per le richieste e le comunicazioni inviate dopo la modifica; quelle già inviate conservano i recapiti di allora."
      />
      <div id={OUTCOME_NOTICE_ID}>
        {flash && !shownAtForm && (
          <Alert tone={flash.tone} important={flash.tone === "success"}>
            <p>{flash.message}</p>
          </Alert>
        )}
      </div>
      {!editable && <Alert tone="info">{DELEGATE_CONTACTS_READ_ONLY}</Alert>}
      {sections.length === 0 && <Alert tone="info">Non risultano posizioni su cui operi: non ci sono contatti da mostrare.</Alert>}
      {sections.map((section) => (
        <Section key={section.gestione} section={section} editable={editable} flash={flash} />
      ))}
    </>
  );
}
