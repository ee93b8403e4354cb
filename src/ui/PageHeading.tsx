import type { ReactNode } from "react";

interface PageHeadingProps {
  title: string;
  /** One paragraph of inline content under the title. */
  lead?: ReactNode;
}

export function PageHeading({ title, lead }: PageHeadingProps) {
  return (
    <div className="mb-8">
      <h1 className="text-3xl leading-tight font-bold md:text-4xl">{title}</h1>
      {lead ? <p className="mt-3 max-w-3xl text-lg text-neutral-700">{lead}</p> : null}
    </div>
  );
}
