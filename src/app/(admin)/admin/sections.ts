/**
 * The administration's sections, in the order of its navigation. Each new
 * admin page adds itself here (decision 0042).
 */
export const adminSections: { href: string; label: string; description: string }[] = [
  { href: "/admin", label: "Panoramica", description: "Che cosa si amministra, in cifre." },
  {
    href: "/admin/questionari",
    label: "Questionari",
    description: "Risultati anonimi dei questionari di gradimento, da cinque risposte in su.",
  },
];
