interface FieldHintProps {
  id: string | undefined;
  children: string;
}

export function FieldHint({ id, children }: FieldHintProps) {
  return (
    <p id={id} className="mt-1 text-sm text-neutral-600">
      {children}
    </p>
  );
}
