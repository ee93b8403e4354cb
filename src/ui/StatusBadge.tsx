export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger";

interface StatusBadgeProps {
  label: string;
  tone?: BadgeTone;
}

const toneStyles: Record<BadgeTone, string> = {
  neutral: "border-neutral-600 bg-neutral-100 text-neutral-800",
  info: "border-primary bg-primary-50 text-primary-700",
  success: "border-success bg-success-50 text-success-700",
  warning: "border-warning bg-warning-50 text-warning-700",
  danger: "border-danger bg-danger-50 text-danger-700",
};

/** Short state label, e.g. a request's "Aperta" / "In carico" / "Chiusa". */
export function StatusBadge({ label, tone = "neutral" }: StatusBadgeProps) {
  return (
    <span
      className={`inline-flex items-center rounded-sm border px-2 py-0.5 text-sm leading-5 font-semibold whitespace-nowrap ${toneStyles[tone]}`}
    >
      {label}
    </span>
  );
}
