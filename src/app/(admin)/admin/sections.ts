/**
 * The administration's sections, in the order of its navigation. Each new
 * admin page adds itself here (decision 0042).
 */
export const adminSections: { href: string; label: string; description: string }[] = [
  { href: "/admin", label: "Panoramica", description: "Che cosa si amministra, in cifre." },
  { href: "/admin/sedi", label: "Sedi", description: "Sedi, indirizzi e province di competenza per gestione." },
  {
    href: "/admin/impostazioni",
    label: "Impostazioni",
    description: "Allegati, contatti, canali degli avvisi e tempi di risposta per gestione.",
  },
];
