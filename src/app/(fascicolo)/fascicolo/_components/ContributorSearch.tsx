import { CONTRIBUTOR_SEARCH_MAX_LENGTH } from "@/server/contributors/schemas";
import { Button, TextField } from "@/ui";
import { CONTRIBUTOR_SEARCH_PATH } from "../contribuenti/paths";

/**
 * The search box that finds a contributor's file (F23), a GET form that
 * works without JavaScript; shown on the Scrivania and on the results page.
 */
export function ContributorSearch({ defaultValue = "", error }: { defaultValue?: string; error?: string }) {
  return (
    <section
      aria-labelledby="cerca-contribuente-titolo"
      className="mt-8 max-w-2xl rounded-sm border border-neutral-300 bg-white p-5 md:p-6"
    >
      <h2 id="cerca-contribuente-titolo" className="mb-4 text-xl font-bold">
        Cerca un contribuente
      </h2>
      <form method="get" action={CONTRIBUTOR_SEARCH_PATH} role="search" aria-labelledby="cerca-contribuente-titolo">
        <TextField
          name="cerca"
          id="cerca-contribuente"
          type="search"
          label="Codice fiscale, matricola, nome o numero di protocollo"
          hint="Nome e cognome anche in parte (almeno 3 lettere per parola); il protocollo anche in parte."
          defaultValue={defaultValue}
          maxLength={CONTRIBUTOR_SEARCH_MAX_LENGTH}
          error={error}
        />
        <Button>Cerca</Button>
      </form>
    </section>
  );
}
