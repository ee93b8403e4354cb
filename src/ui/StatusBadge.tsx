export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger";

interface StatusBadgeProps {
  label: string;
  tone?: BadgeTone;
}

/** Short state label (looks in globals.css: `.badge`, `.badge-<tone>`), e.g. a request's "Aperta" / "In carico" / "Chiusa". */
export function StatusBadge({ label, tone = "neutral" }: StatusBadgeProps) {
  return <span className={`badge badge-${tone}`}>{label}</span>;
}
