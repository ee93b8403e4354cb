import type { Metadata } from "next";
import { NotFoundMessage, PublicShell } from "@/ui";

export const metadata: Metadata = {
  title: "Pagina non trovata",
};

export default function NotFound() {
  return (
    <PublicShell>
      <NotFoundMessage />
    </PublicShell>
  );
}
