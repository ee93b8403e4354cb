interface FieldErrorProps {
  id: string | undefined;
  children: string;
}

export function FieldError({ id, children }: FieldErrorProps) {
  return (
    <p id={id} className="mt-1 font-semibold text-danger-700">
      <span className="sr-only">Errore: </span>
      {children}
    </p>
  );
}
