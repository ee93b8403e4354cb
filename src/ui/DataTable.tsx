import type { ReactNode } from "react";
import { TableRegion } from "./TableRegion";

export type DataColumn = {
  label: string;
  /** Figures: aligned right, digits of one width. */
  numeric?: boolean;
  /** Named for screen readers only (a column of links, say). */
  visuallyHidden?: boolean;
};

/**
 * A data table with its caption and a heading per column, scrolling on its
 * own on a narrow screen (TableRegion, named `label`); the rows are the children.
 */
export function DataTable({
  label,
  caption,
  columns,
  children,
}: {
  label: string;
  caption: string;
  columns: DataColumn[];
  children: ReactNode;
}) {
  return (
    <TableRegion label={label}>
      <table className="w-full border-collapse bg-white text-left">
        <caption className="mb-2 text-left text-neutral-700">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-neutral-400">
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.numeric ? "px-3 py-2 text-right tabular-nums" : "px-3 py-2"}>
                {column.visuallyHidden ? <span className="sr-only">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableRegion>
  );
}
