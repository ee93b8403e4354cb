import type { ReactNode } from "react";

interface TableRegionProps {
  /** Names the scrolling region for screen readers, usually the table's caption. */
  label: string;
  className?: string;
  children: ReactNode;
}

/**
 * Holds a table wider than a narrow screen: the table scrolls inside this
 * region, never the page (WCAG 1.4.10). The region is named and focusable so
 * that keyboard users can scroll it too; it is positioned so that the tables'
 * visually hidden texts (absolutely positioned) stay inside it.
 */
export function TableRegion({ label, className = "", children }: TableRegionProps) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`relative max-w-full overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
