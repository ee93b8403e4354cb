import type { Metadata } from "next";
import { NotFoundPage } from "./_components/not-found-page";

export const metadata: Metadata = {
  title: "Pagina non trovata",
};

export default function NotFound() {
  return <NotFoundPage />;
}
