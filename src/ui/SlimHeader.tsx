"use client";

import type { ReactNode } from "react";

export interface SignedInUser {
  name: string;
  /** Second line under the name, e.g. the role or the office. */
  detail?: string;
}

interface SlimHeaderProps {
  user?: SignedInUser;
  /** Usually a `<SignOutButton>`. */
  signOut?: ReactNode;
}

/**
 * Dark top bar with the institution and, when signed in, the user and the sign-out form. A client component only for
 * the pages' weight (decision 0048); the sign-out form stays the server's, passed in.
 */
export function SlimHeader({ user, signOut }: SlimHeaderProps) {
  return (
    <div className="bg-primary-950 text-white">
      <div className="page-container flex flex-wrap items-center justify-between gap-x-6 gap-y-2 py-2 text-sm">
        <a href="https://www.inps.it" className="font-semibold text-white no-underline hover:text-white hover:underline">
          INPS – Istituto Nazionale Previdenza Sociale
        </a>
        {user || signOut ? (
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            {user ? (
              <p className="leading-tight">
                <span className="sr-only">Utente collegato: </span>
                <span className="font-semibold">{user.name}</span>
                {user.detail ? <span className="block text-primary-200">{user.detail}</span> : null}
              </p>
            ) : null}
            {signOut}
          </div>
        ) : null}
      </div>
    </div>
  );
}
