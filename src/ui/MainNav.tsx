"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export interface NavItem {
  href: string;
  label: string;
}

interface MainNavProps {
  items: NavItem[];
  /** Path to mark as current; defaults to the browser's path (area layouts do not receive it). */
  currentPath?: string;
}

interface CurrentItem {
  index: number;
  exact: boolean;
}

function pathOf(href: string): string {
  const end = href.search(/[?#]/);
  return end === -1 ? href : href.slice(0, end);
}

/**
 * The item whose path equals the current path; otherwise the item with the longest
 * path the current path lies under (a request's detail page marks "Richieste").
 * An area's home (a single path segment such as "/cassetto") counts only on itself.
 */
function findCurrent(items: NavItem[], path: string): CurrentItem | undefined {
  let best: CurrentItem | undefined;
  let bestLength = 0;
  for (const [index, item] of items.entries()) {
    const itemPath = pathOf(item.href);
    if (itemPath === path) {
      return { index, exact: true };
    }
    const isAreaHome = itemPath.split("/").filter(Boolean).length <= 1;
    if (!isAreaHome && path.startsWith(`${itemPath}/`) && itemPath.length > bestLength) {
      best = { index, exact: false };
      bestLength = itemPath.length;
    }
  }
  return best;
}

/** Client component only so the current item follows client-side navigation inside a shared layout. */
export function MainNav({ items, currentPath }: MainNavProps) {
  const pathname = usePathname();
  const current = findCurrent(items, currentPath ?? pathname);

  return (
    <nav aria-label="Navigazione principale" className="bg-primary-700">
      <ul className="page-container flex flex-wrap">
        {items.map((item, index) => {
          const isCurrent = current?.index === index;
          return (
            <li key={item.href}>
              <Link href={item.href} aria-current={isCurrent ? (current.exact ? "page" : "true") : undefined} className="nav-link">
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
