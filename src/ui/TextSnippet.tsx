import { Fragment } from "react";
import type { SnippetPart } from "@/lib/text-snippet";

/** A search result's snippet: the words found in <mark>, every part rendered as text (never as HTML). */
export function TextSnippet({ parts }: { parts: SnippetPart[] }) {
  return (
    <p className="mt-1 text-sm text-neutral-800">
      <span className="sr-only">Testo trovato: </span>«
      {parts.map((part, index) =>
        part.marked ? (
          <mark key={index} className="bg-yellow-200 text-neutral-900">
            {part.text}
          </mark>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
      »
    </p>
  );
}
