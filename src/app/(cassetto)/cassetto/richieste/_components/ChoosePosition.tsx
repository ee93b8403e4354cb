import Link from "next/link";
import { positionLabel } from "@/lib/position-label";
import { Button, SelectField, type SelectOptionGroup } from "@/ui";

interface ChoosePositionProps {
  /** The form's own address: the choice comes back as `?posizione=<id>`. */
  action: string;
  title: string;
  label: string;
  hint: string;
  options: SelectOptionGroup[];
  selectedId?: string;
}

/** The first step of a form of the request path: the position it is for (a GET form, no script needed). */
export function ChoosePosition({ action, title, label, hint, options, selectedId }: ChoosePositionProps) {
  return (
    <form method="get" action={action} className="max-w-3xl">
      <h2 className="mb-4 text-2xl font-semibold">{title}</h2>
      <SelectField
        name="posizione"
        label={label}
        hint={hint}
        placeholder="Scegli la posizione"
        options={options}
        defaultValue={selectedId ?? ""}
        required
      />
      <Button>Continua</Button>
    </form>
  );
}

/** The position a form is for, once chosen, with the link back to the choice when there is one to make. */
export function ChosenPosition({
  position,
  changeHref,
}: {
  position: Parameters<typeof positionLabel>[0] & { office: { name: string } };
  changeHref?: string;
}) {
  return (
    <p className="mb-6">
      Posizione: <strong>{positionLabel(position, { withDenominazione: true })}</strong> ({position.office.name}).
      {changeHref ? (
        <>
          {" "}
          <Link href={changeHref}>Cambia posizione</Link>
        </>
      ) : null}
    </p>
  );
}
