import "@fontsource/titillium-web/400.css";
import "@fontsource/titillium-web/600.css";
import "@fontsource/titillium-web/700.css";
import "./globals.css";
import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { SiteFooter, SkipLink } from "@/ui";

export const metadata: Metadata = {
  title: {
    template: "%s | INPS – Comunicazione Bidirezionale",
    default: "INPS – Comunicazione Bidirezionale",
  },
  description:
    "Comunicazione Bidirezionale INPS: Cassetto Previdenziale del Contribuente per contribuenti e intermediari, Fascicolo Elettronico del Contribuente per le sedi.",
  icons: { icon: [{ url: "/icon.svg", type: "image/svg+xml" }], apple: [{ url: "/apple-touch-icon.png", sizes: "180x180" }] },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#0066cc",
};

export default async function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  // Every page renders per request, so that Next.js can put this response's CSP
  // nonce (set by src/proxy.ts) on its inline scripts; a page built ahead would carry none.
  await connection();
  return (
    <html lang="it">
      <body className="flex min-h-dvh flex-col bg-white font-sans text-neutral-900 antialiased">
        <SkipLink />
        {children}
        <SiteFooter />
      </body>
    </html>
  );
}
