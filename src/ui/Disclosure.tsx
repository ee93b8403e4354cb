import type { ReactNode } from "react";

interface DisclosureProps {
  /** What the panel holds, shown on its always-visible toggle. */
  summary: string;
  open?: boolean;
  children: ReactNode;
}

/**
 * A panel the user opens and closes (Bootstrap Italia's collapse), built on
 * `<details>`: it works without JavaScript and the browser announces its state.
 */
export function Disclosure({ summary, open = false, children }: DisclosureProps) {
  return (
    <details open={open} className="group rounded-sm border border-neutral-300 bg-white shadow-sm">
      <summary className="flex min-h-12 cursor-pointer list-none items-center justify-between gap-3 px-5 py-3 text-xl leading-snug font-bold text-primary hover:text-primary-700 md:px-6 [&::-webkit-details-marker]:hidden">
        {summary}
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6 shrink-0 fill-current transition-transform group-open:rotate-180">
          <path d="M12 15.6 5.3 8.9l1.4-1.4 5.3 5.3 5.3-5.3 1.4 1.4z" />
        </svg>
      </summary>
      <div className="border-t border-neutral-300 p-5 md:p-6">{children}</div>
    </details>
  );
}
