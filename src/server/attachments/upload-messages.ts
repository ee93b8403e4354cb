/** What a person reads when an upload is refused, tied to the file field of the form. */

const KIB = 1024;
const MIB = 1024 * 1024;
const decimal = new Intl.NumberFormat("it-IT", { maximumFractionDigits: 1 });

/** 3145728 → "3 MB", 1572864 → "1,5 MB", 512000 → "500 KB" (binary units, as operating systems show them). */
export function formatFileSize(bytes: number): string {
  if (bytes >= MIB) return `${decimal.format(bytes / MIB)} MB`;
  if (bytes >= KIB) return `${decimal.format(bytes / KIB)} KB`;
  return `${bytes} byte`;
}

const ALLOWED_DOCUMENTS_LABEL = "PDF, immagini, documenti di Office/OpenDocument, testo e file firmati .p7m";

/** The hint of a file field: how many files it takes, how large, and of which kinds. */
export function uploadLimitsHint(limits: { maxFiles: number; maxBytesPerFile: number }): string {
  return `Fino a ${limits.maxFiles} file, ciascuno di ${formatFileSize(limits.maxBytesPerFile)} al massimo: ${ALLOWED_DOCUMENTS_LABEL}.`;
}

export const uploadMessages = {
  notMultipart: "I dati vanno inviati come modulo con allegati (multipart/form-data).",
  malformed: "Il modulo inviato è incompleto o non valido: riprovare.",
  unexpectedFile: "Il modulo contiene un file in un campo non previsto.",
  fieldTooLong:
    "Un testo del modulo è troppo lungo per essere letto: il modulo non è stato letto per intero. Accorciare il testo e inviarlo di nuovo.",
  formTooLarge: (maxBytes: number) =>
    `Il modulo supera la dimensione massima di ${formatFileSize(maxBytes)} (gli allegati ammessi e il testo): non è stato letto per intero.`,
  tooManyFiles: (maxFiles: number) =>
    maxFiles === 0 ? "Non è possibile allegare file." : `Si possono allegare al massimo ${maxFiles} file.`,
  fileTooLarge: (fileName: string, maxBytes: number) => `Il file «${fileName}» supera il limite di ${formatFileSize(maxBytes)}.`,
  emptyFile: (fileName: string) => `Il file «${fileName}» è vuoto.`,
  notAllowed: (fileName: string) => `Il file «${fileName}» non è un documento ammesso: sono accettati ${ALLOWED_DOCUMENTS_LABEL}.`,
};
