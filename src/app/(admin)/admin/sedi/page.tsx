import type { Metadata } from "next";
import Link from "next/link";
import { FLASH_PARAM, OUTCOME_NOTICE_ID } from "@/app/_lib/form-flash";
import type { SearchParams } from "@/app/_lib/search-params";
import { Gestione } from "@/generated/prisma/enums";
import { listOffices } from "@/server/admin/list-offices";
import type { OfficeView } from "@/server/admin/office-view";
import { getGestioneLabels } from "@/server/gestioni/gestione-labels";
import { requireOperator } from "@/server/identity/session";
import { Alert, Breadcrumb, Button, Card, PageHeading, SelectField, TableRegion, TextField } from "@/ui";
import { moveCompetenceAction } from "./actions";
import { OFFICES_PATH, pageFlash, type Flash } from "./_lib/flash";
import { orNotFound } from "@/app/_lib/or-not-found";

export const metadata: Metadata = { title: "Sedi e competenza territoriale" };

type Props = { searchParams: Promise<SearchParams> };

function MoveForm({ offices, labels, flash }: { offices: OfficeView[]; labels: Map<Gestione, string>; flash: Flash | null }) {
  const refused = flash?.form === "competenza" && flash.tone === "danger" ? flash : null;
  const error = (name: string) => refused?.errors?.[name]?.join(" ");
  return (
    <form action={moveCompetenceAction} id="competenza" className="grid max-w-2xl gap-4" noValidate>
      {refused ? <Alert tone="danger">{refused.message}</Alert> : null}
      <SelectField
        name="gestione"
        label="Gestione"
        options={Object.values(Gestione).map((gestione) => ({ value: gestione, label: labels.get(gestione) ?? gestione }))}
        defaultValue={refused?.values?.gestione ?? ""}
        placeholder="Scegli la gestione"
        error={error("gestione")}
      />
      <TextField
        name="province"
        label="Provincia (sigla)"
        hint="Ad esempio RM."
        width="short"
        required
        defaultValue={refused?.values?.province ?? ""}
        error={error("province")}
      />
      <SelectField
        name="toOfficeId"
        label="Sede che diventa competente"
        options={offices.map((office) => ({ value: office.id, label: `${office.name} (${office.code})` }))}
        defaultValue={refused?.values?.toOfficeId ?? ""}
        placeholder="Scegli la sede"
        error={error("toOfficeId")}
      />
      <SelectField
        name="openQuesiti"
        label="Quesiti aperti della provincia"
        hint="Le nuove richieste vanno comunque alla nuova sede."
        options={[
          { value: "RESTANO", label: "Restano alla sede attuale, che li conclude" },
          { value: "SEGUONO", label: "Passano alla nuova sede, con avviso ai contribuenti" },
        ]}
        defaultValue={refused?.values?.openQuesiti ?? ""}
        placeholder="Scegli che cosa succede ai quesiti aperti"
        error={error("openQuesiti")}
      />
      <Button>Sposta la competenza</Button>
    </form>
  );
}

/** Offices with the provinces they serve per gestione, and the move of a province's competence (ADMIN only). */
export default async function OfficesPage({ searchParams }: Props) {
  const actor = await requireOperator(OFFICES_PATH);
  const offices = await orNotFound(() => listOffices(actor));
  const labels = await getGestioneLabels();
  const flash = await pageFlash((await searchParams)[FLASH_PARAM]);
  return (
    <>
      <Breadcrumb items={[{ href: "/admin", label: "Amministrazione" }, { label: "Sedi" }]} />
      {flash?.tone === "success" ? <Alert tone="success" title={flash.message} important id={OUTCOME_NOTICE_ID} /> : null}
      <PageHeading
        title="Sedi e competenza territoriale"
        lead="In ogni gestione ogni provincia ha una sola sede competente: le richieste delle sue posizioni vanno a quella sede."
      />
      <p className="mb-6">
        <Link href={`${OFFICES_PATH}/nuova`} className="font-semibold underline">
          Aggiungi una sede
        </Link>
      </p>
      <div className="space-y-8">
        <TableRegion label="Sedi">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Sedi e province servite per gestione</caption>
            <thead>
              <tr className="border-b-2 border-neutral-300">
                <th scope="col" className="p-2">
                  Codice AOO
                </th>
                <th scope="col" className="p-2">
                  Sede
                </th>
                <th scope="col" className="p-2">
                  Province servite
                </th>
              </tr>
            </thead>
            <tbody>
              {offices.map((office) => (
                <tr key={office.id} className="border-b border-neutral-200 align-top">
                  <td className="p-2 font-mono">{office.code}</td>
                  <td className="p-2">
                    <Link href={`${OFFICES_PATH}/${office.id}`} className="underline">
                      {office.name}
                    </Link>
                    <br />
                    {office.address ? `${office.address}, ` : ""}
                    {office.city} ({office.region})
                  </td>
                  <td className="p-2">
                    <ul>
                      {Object.values(Gestione).map((gestione) => (
                        <li key={gestione}>
                          {labels.get(gestione) ?? gestione}: {office.provinces[gestione].join(", ") || "nessuna"}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
        <Card title="Sposta la competenza di una provincia">
          <MoveForm offices={offices} labels={labels} flash={flash} />
        </Card>
      </div>
    </>
  );
}
