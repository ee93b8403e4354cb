import Link from "next/link";
import { buttonClasses } from "./Button";
import { PageHeading } from "./PageHeading";

interface NotFoundMessageProps {
  homeHref?: string;
  homeLabel?: string;
}

/**
 * Body of a "not found" page. Also shown for records the user may not see, so it
 * never hints that the page exists.
 */
export function NotFoundMessage({ homeHref = "/", homeLabel = "Torna alla pagina iniziale" }: NotFoundMessageProps) {
  return (
    <>
      <PageHeading
        title="Pagina non trovata"
        lead="La pagina che hai cercato non esiste o non è più disponibile. Controlla l'indirizzo oppure riparti dalla pagina iniziale."
      />
      <Link href={homeHref} className={buttonClasses("primary")}>
        {homeLabel}
      </Link>
    </>
  );
}
