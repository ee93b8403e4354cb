"use client";

import type { ReactNode } from "react";

interface CardProps {
  title?: string;
  /** Level of the title's heading, to fit the page outline. */
  headingLevel?: 2 | 3 | 4;
  children: ReactNode;
}

const headingTags = { 2: "h2", 3: "h3", 4: "h4" } as const;

/** Bordered panel grouping related content; a client component only for the pages' weight, like `DescriptionList`. */
export function Card({ title, headingLevel = 2, children }: CardProps) {
  const Heading = headingTags[headingLevel];
  return (
    <section className="rounded-sm border border-neutral-300 bg-white p-5 shadow-sm md:p-6">
      {title ? <Heading className="mb-3 text-xl leading-snug font-bold">{title}</Heading> : null}
      {children}
    </section>
  );
}
