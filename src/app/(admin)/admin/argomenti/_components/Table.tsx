import type { ReactNode } from "react";
import { DataTable } from "@/ui";

export const cellClass = "border-b border-neutral-300 px-2 py-2 align-top";

/** A table of the subject-tree pages, named by its caption; an empty column label is the column of links ("Azioni", for screen readers). */
export function AdminTable({ caption, columns, children }: { caption: string; columns: string[]; children: ReactNode }) {
  return (
    <div className="mt-6">
      <DataTable
        label={caption}
        caption={caption}
        columns={columns.map((label) => (label === "" ? { label: "Azioni", visuallyHidden: true } : { label }))}
      >
        {children}
      </DataTable>
    </div>
  );
}
