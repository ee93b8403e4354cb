/**
 * The administration's sections, in the order of its navigation. Each new
 * admin page adds itself here (decision 0042).
 */
export const adminSections: { href: string; label: string; description: string }[] = [
  { href: "/admin", label: "Panoramica", description: "Che cosa si amministra, in cifre." },
  {
    href: "/admin/argomenti",
    label: "Oggetti",
    description:
      "Gli alberi degli oggetti per gestione: aggiunta, modifica, instradamento, tempi di risposta, importazione ed esportazione.",
  },
  { href: "/admin/sedi", label: "Sedi", description: "Sedi, indirizzi e province di competenza per gestione." },
  {
    href: "/admin/impostazioni",
    label: "Impostazioni",
    description: "Allegati, contatti, canali degli avvisi e tempi di risposta per gestione.",
  },
  {
    href: "/admin/smart-task",
    label: "Smart-Task",
    description: "Chi può presentare ogni tipo di Smart-Task: nessuno, il gruppo pilota o tutti; e il gruppo pilota.",
  },
  {
    href: "/admin/agenda",
    label: "Agenda",
    description: "Le regole di prenotazione da cui parte l'agenda delle sedi che non hanno regole proprie.",
  },
  { href: "/admin/operatori", label: "Operatori e ruoli", description: "Chi lavora nel Fascicolo, in quale sede e con quale ruolo." },
  {
    href: "/admin/registro-modifiche",
    label: "Registro delle modifiche",
    description: "Chi ha cambiato che cosa, con i valori prima e dopo.",
  },
  {
    href: "/admin/questionari",
    label: "Questionari",
    description: "Questionari di gradimento: nuovi questionari, domande, apertura e chiusura, risultati anonimi da cinque risposte in su.",
  },
];
