"use client";

import { useEffect, useRef } from "react";

/**
 * With JavaScript, after a day is chosen: moves the focus to the heading of
 * its slots (which names the day, its date and its free places) and
 * announces it in a live region (written after the first render, so that it
 * is heard as a change). Without JavaScript the link's #orari anchor does the
 * scrolling.
 */
export function SlotFocus({ targetId, announcement }: { targetId: string; announcement: string }) {
  const status = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    document.getElementById(targetId)?.focus();
    if (status.current) status.current.textContent = announcement;
  }, [targetId, announcement]);
  return <p ref={status} className="sr-only" role="status" aria-live="polite" />;
}
