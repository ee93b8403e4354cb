import { instanceSummary } from "@/server/istanze/instance-summary";
import { Card, DescriptionList } from "@/ui";

/**
 * The structured data of an Istanza online, as labels and formatted values,
 * on the contributor's request page and the office's quesito page; nothing
 * for another request.
 */
export function InstanceSummaryCard({ istanza }: { istanza: unknown }) {
  const summary = instanceSummary(istanza);
  if (!summary) return null;
  return (
    <Card title="Dati dell'istanza">
      <p className="mb-3 text-neutral-700">{summary.title}, compilata con il modulo delle istanze online.</p>
      <DescriptionList rows={summary.rows} />
    </Card>
  );
}
