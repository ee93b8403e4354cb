import type { ReactNode } from "react";

export type AlertTone = "info" | "success" | "warning" | "danger";

interface AlertProps {
  tone?: AlertTone;
  title?: string;
  /** Announce at once (role="alert") although the tone is not "danger". */
  important?: boolean;
  id?: string;
  children?: ReactNode;
}

const toneStyles: Record<AlertTone, { box: string; icon: string; prefix: string }> = {
  info: { box: "border-primary bg-primary-50", icon: "text-primary-700", prefix: "Informazione" },
  success: { box: "border-success bg-success-50", icon: "text-success-700", prefix: "Operazione completata" },
  warning: { box: "border-warning bg-warning-50", icon: "text-warning-700", prefix: "Attenzione" },
  danger: { box: "border-danger bg-danger-50", icon: "text-danger-700", prefix: "Errore" },
};

function AlertIcon({ tone, className }: { tone: AlertTone; className: string }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.25"
      strokeLinecap="round"
      strokeLinejoin="round"
      className={`size-6 shrink-0 ${className}`}
    >
      {tone === "warning" ? (
        <>
          <path d="M12 3 2 20.5h20z" />
          <path d="M12 10v4.5M12 17.5v.01" />
        </>
      ) : (
        <>
          <circle cx="12" cy="12" r="9.5" />
          {tone === "info" ? <path d="M12 11v5.5M12 7.5v.01" /> : null}
          {tone === "success" ? <path d="m7.5 12.5 3 3 6-6.5" /> : null}
          {tone === "danger" ? <path d="m8.5 8.5 7 7M15.5 8.5l-7 7" /> : null}
        </>
      )}
    </svg>
  );
}

/** Message box; role="alert" for errors and important messages, role="status" otherwise. */
export function Alert({ tone = "info", title, important = false, id, children }: AlertProps) {
  const styles = toneStyles[tone];
  return (
    <div
      id={id}
      role={tone === "danger" || important ? "alert" : "status"}
      className={`mb-6 flex gap-3 rounded-sm border-l-4 p-4 ${styles.box}`}
    >
      <AlertIcon tone={tone} className={styles.icon} />
      <div className="min-w-0 flex-1 space-y-2">
        {title ? (
          <p className="font-bold">
            <span className="sr-only">{styles.prefix}: </span>
            {title}
          </p>
        ) : (
          <span className="sr-only">{styles.prefix}: </span>
        )}
        {children}
      </div>
    </div>
  );
}
