import type { SmartTaskCheck } from "@/server/smart-tasks/kinds";

/** The checks a Smart-Task ran, in order: each passed, or failed with its reason. */
export function SmartTaskChecks({ checks }: { checks: SmartTaskCheck[] }) {
  if (checks.length === 0) return <p>I controlli non sono ancora stati eseguiti.</p>;
  return (
    <ul className="grid gap-2">
      {checks.map((check) => (
        <li key={check.code}>
          <span className="font-semibold">{check.passed ? "Superato" : "Non superato"}</span>: {check.label}
          {check.reason && <span className="block">{check.reason}</span>}
        </li>
      ))}
    </ul>
  );
}
