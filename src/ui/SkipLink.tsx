interface SkipLinkProps {
  /** Id of the element that receives focus; the shells render `<main id="contenuto">`. */
  targetId?: string;
}

/** First focusable element of every page: jumps past the headers to the main content. */
export function SkipLink({ targetId = "contenuto" }: SkipLinkProps) {
  return (
    <a
      href={`#${targetId}`}
      className="sr-only z-50 bg-white font-semibold text-primary-900 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:px-4 focus:py-3"
    >
      Vai al contenuto principale
    </a>
  );
}
