"use client";

import { NotFoundMessage, PublicShell } from "@/ui";

/**
 * The root "not found" page. A client component only for every page's weight (decision 0048): Next.js puts the root
 * layout's not-found boundary into the payload of every page it renders, and as a client component it is a reference
 * there instead of its whole markup; the code is the error page's, already loaded.
 */
export function NotFoundPage() {
  return (
    <PublicShell>
      <NotFoundMessage />
    </PublicShell>
  );
}
