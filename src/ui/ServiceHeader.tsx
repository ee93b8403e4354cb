"use client";

import Link from "next/link";

interface ServiceHeaderProps {
  /** Service name, shown big. */
  name: string;
  tagline?: string;
  /** Home of the area the header belongs to. */
  href: string;
}

/** Blue band with the service name linking to the area's home page. A client component only for the pages' weight (decision 0048). */
export function ServiceHeader({ name, tagline, href }: ServiceHeaderProps) {
  return (
    <div className="bg-primary text-white">
      <div className="page-container py-5 md:py-7">
        <Link href={href} className="group inline-block text-white no-underline hover:text-white">
          <span className="block text-2xl leading-tight font-bold group-hover:underline md:text-3xl">{name}</span>
          {tagline ? <span className="mt-1 block text-base md:text-lg">{tagline}</span> : null}
        </Link>
      </div>
    </div>
  );
}
