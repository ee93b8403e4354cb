import Link from "next/link";

export interface BreadcrumbItem {
  /** Omit on the last item (the current page). */
  href?: string;
  label: string;
}

interface BreadcrumbProps {
  items: BreadcrumbItem[];
}

export function Breadcrumb({ items }: BreadcrumbProps) {
  return (
    <nav aria-label="Percorso di navigazione" className="mb-6">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1">
        {items.map((item, index) => {
          const isLast = index === items.length - 1;
          return (
            <li key={`${index}-${item.label}`} className="flex items-center gap-2">
              {index > 0 ? (
                <span aria-hidden="true" className="text-neutral-600">
                  /
                </span>
              ) : null}
              {isLast || item.href === undefined ? (
                <span aria-current={isLast ? "page" : undefined} className="text-neutral-700">
                  {item.label}
                </span>
              ) : (
                <Link href={item.href}>{item.label}</Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
