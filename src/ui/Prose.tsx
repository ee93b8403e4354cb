import type { ReactNode } from "react";

interface ProseProps {
  children: ReactNode;
}

/** Typography for long text (legal pages): headings, paragraphs and lists spaced for reading. */
export function Prose({ children }: ProseProps) {
  return (
    <div className="max-w-3xl space-y-4 text-lg [&_h2]:pt-6 [&_h2]:text-2xl [&_h2]:leading-snug [&_h2]:font-bold [&_h3]:pt-2 [&_h3]:text-xl [&_h3]:font-semibold [&_li]:mt-1 [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6">
      {children}
    </div>
  );
}
