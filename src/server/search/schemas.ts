import { searchTerm } from "@/lib/form-fields";

/** Longest text search: a few words or a sentence; a longer one is refused at its field. */
export const TEXT_SEARCH_MAX_LENGTH = 100;

export const TEXT_SEARCH_TOO_LONG = `La ricerca può contenere al massimo ${TEXT_SEARCH_MAX_LENGTH} caratteri.`;

/** Words to find in the texts (websearch syntax: "frase esatta", -esclusa, or); blank is no search. */
export const textSearchTerm = searchTerm(TEXT_SEARCH_MAX_LENGTH, TEXT_SEARCH_TOO_LONG);

export const NO_USEFUL_TERMS =
  "Nessun termine utile nella ricerca: scrivere almeno una parola significativa (articoli, preposizioni e parole solo escluse non bastano).";
