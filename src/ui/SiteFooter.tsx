"use client";

import Link from "next/link";

const legalLinks = [
  { href: "/accessibilita", label: "Dichiarazione di accessibilità" },
  { href: "/privacy", label: "Informativa privacy" },
  { href: "/note-legali", label: "Note legali" },
] as const;

/**
 * The footer of every page. A client component only for the pages' weight (decision 0048): static markup comes once
 * with the cached script instead of again in every page's payload.
 */
export function SiteFooter() {
  return (
    <footer className="bg-primary-950 text-white">
      <div className="page-container grid gap-8 py-10 md:grid-cols-2">
        <div>
          <p className="text-lg font-bold">INPS – Istituto Nazionale Previdenza Sociale</p>
          <p className="mt-1">Comunicazione Bidirezionale</p>
          <address className="mt-4 not-italic">
            Via Ciro il Grande, 21 – 00144 Roma
            <br />
            Codice fiscale 80078750587 – Partita IVA 02121151001
          </address>
        </div>
        <div>
          <p className="text-lg font-bold">Contact Center</p>
          <p className="mt-1">
            803 164 gratuito da rete fissa
            <br />
            06 164 164 da rete mobile, a pagamento secondo il proprio piano tariffario
          </p>
        </div>
      </div>
      <div className="border-t border-primary-800">
        <nav aria-label="Informazioni legali" className="page-container py-4">
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            {legalLinks.map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="text-white hover:text-white">
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
