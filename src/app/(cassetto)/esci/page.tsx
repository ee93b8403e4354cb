import type { Metadata } from "next";
import { SignOutPage } from "@/app/_components/sign-out-page";

export const metadata: Metadata = { title: "Esci" };

export default function ContributorSignOutPage() {
  return <SignOutPage realm="cassetto" />;
}
