"use client";

import "@fontsource/titillium-web/400.css";
import "@fontsource/titillium-web/700.css";
import "./globals.css";
import { Button, errorDigest } from "@/ui";

interface GlobalErrorProps {
  error: unknown;
  retry: () => void;
}

/** Replaces the root layout when that fails, so it brings its own document. */
export default function GlobalError({ error, retry }: GlobalErrorProps) {
  const digest = errorDigest(error);
  return (
    <html lang="it">
      <body className="bg-white font-sans text-neutral-900">
        <title>Errore | INPS – Comunicazione Bidirezionale</title>
        <main className="page-container py-10">
          <h1 className="text-3xl font-bold">Si è verificato un errore imprevisto</h1>
          <p className="mt-3 text-lg">Riprova tra qualche istante; se il problema continua, contatta l&apos;assistenza.</p>
          {digest ? (
            <p className="mt-4">
              Codice di riferimento: <code className="font-mono">{digest}</code>
            </p>
          ) : null}
          <div className="mt-8">
            <Button type="button" onClick={() => retry()}>
              Riprova
            </Button>
          </div>
        </main>
      </body>
    </html>
  );
}
