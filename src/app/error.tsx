"use client";

import Link from "next/link";
import { Button, PageHeading, PublicShell, buttonClasses, errorDigest } from "@/ui";

interface ErrorPageProps {
  error: unknown;
  retry: () => void;
}

export default function ErrorPage({ error, retry }: ErrorPageProps) {
  const digest = errorDigest(error);
  return (
    <PublicShell>
      <title>Errore | INPS – Comunicazione Bidirezionale</title>
      <PageHeading
        title="Si è verificato un errore imprevisto"
        lead="Non è stato possibile completare l'operazione. Riprova tra qualche istante; se il problema continua, contatta l'assistenza."
      />
      {digest ? (
        <p className="mb-8">
          Codice di riferimento da comunicare all&apos;assistenza:{" "}
          <code className="rounded-sm bg-neutral-100 px-2 py-1 font-mono">{digest}</code>
        </p>
      ) : null}
      <div className="flex flex-wrap gap-4">
        <Button type="button" onClick={() => retry()}>
          Riprova
        </Button>
        <Link href="/" className={buttonClasses("secondary")}>
          Torna alla pagina iniziale
        </Link>
      </div>
    </PublicShell>
  );
}
