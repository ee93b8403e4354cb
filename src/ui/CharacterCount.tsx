"use client";

import { useEffect, useState } from "react";
import { characterCountMessage, limitMessage } from "@/lib/character-count";

interface CharacterCountProps {
  /** The id of the text control counted. */
  controlId: string;
  /** The id of the visible count, which the control names in `aria-describedby`. */
  id: string;
  limit: number;
}

/** Screen readers hear the count once typing pauses, not at every key. */
const ANNOUNCE_AFTER_MS = 1000;

/**
 * The count of a text field against its limit. Without JavaScript it states
 * the limit; with it, what is left or how far beyond the limit the text is,
 * as the person types — never cutting the text: the server refuses it with
 * the same count. The visible count is not a live region; a hidden polite
 * one repeats it when typing pauses.
 */
export function CharacterCount({ controlId, id, limit }: CharacterCountProps) {
  const [length, setLength] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    const control = document.getElementById(controlId);
    if (!(control instanceof HTMLTextAreaElement || control instanceof HTMLInputElement)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const count = () => setLength(control.value.length);
    const onInput = () => {
      count();
      clearTimeout(timer);
      timer = setTimeout(() => setAnnouncement(characterCountMessage(control.value.length, limit)), ANNOUNCE_AFTER_MS);
    };
    // A form shown again with its text starts from that text.
    const initial = setTimeout(count, 0);
    control.addEventListener("input", onInput);
    return () => {
      control.removeEventListener("input", onInput);
      clearTimeout(timer);
      clearTimeout(initial);
    };
  }, [controlId, limit]);

  const over = length !== null && length > limit;
  return (
    <>
      <p id={id} className={`mt-1 text-sm ${over ? "font-semibold text-danger" : "text-neutral-600"}`}>
        {length === null ? limitMessage(limit) : characterCountMessage(length, limit)}
      </p>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
