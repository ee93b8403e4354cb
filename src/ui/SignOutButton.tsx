interface SignOutButtonProps {
  /** URL the form posts to, e.g. next-auth's "/api/auth/signout". */
  action: string;
  /** Sent as hidden inputs, e.g. `{ csrfToken, callbackUrl }`. */
  hiddenFields: Record<string, string>;
  label?: string;
}

/** Plain POST form, so signing out works without JavaScript; styled for the dark slim header. */
export function SignOutButton({ action, hiddenFields, label = "Esci" }: SignOutButtonProps) {
  return (
    <form action={action} method="post">
      {Object.entries(hiddenFields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        className="rounded-sm border-2 border-white px-3 py-1 font-semibold text-white hover:bg-white hover:text-primary-950"
      >
        {label}
      </button>
    </form>
  );
}
