import { FieldError } from "./FieldError";
import { fieldAria, fieldGroupClasses } from "./fieldHelpers";

interface ScaleFieldProps {
  name: string;
  /** The question, the group's legend. */
  legend: string;
  /** What the lowest and the highest value mean. */
  lowLabel: string;
  highLabel: string;
  min: number;
  max: number;
  defaultValue?: string;
  error?: string;
}

/** A question answered on a scale (1–5): one radio button per value in a fieldset, the ends named. */
export function ScaleField({ name, legend, lowLabel, highLabel, min, max, defaultValue, error }: ScaleFieldProps) {
  const aria = fieldAria(name, undefined, undefined, error);
  const values = Array.from({ length: max - min + 1 }, (_, index) => min + index);
  return (
    <fieldset className={fieldGroupClasses(error)} aria-describedby={aria.describedBy}>
      <legend className="mb-2 font-semibold">{legend}</legend>
      {error ? <FieldError id={aria.errorId}>{error}</FieldError> : null}
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {values.map((value) => (
          <label key={value} className="flex min-h-12 items-center gap-2">
            <input
              type="radio"
              name={name}
              id={value === min ? aria.id : undefined}
              value={value}
              defaultChecked={defaultValue === String(value)}
              className="size-5"
            />
            {value === min ? `${value} – ${lowLabel}` : value === max ? `${value} – ${highLabel}` : value}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
