import type { ComponentPropsWithoutRef } from "react";

export type ButtonVariant = "primary" | "secondary" | "danger";

interface ButtonStyleOptions {
  fullWidth?: boolean;
}

const variantClasses: Record<ButtonVariant, string> = {
  primary: "border-primary bg-primary text-white hover:border-primary-700 hover:bg-primary-700 hover:text-white",
  secondary: "border-primary bg-white text-primary hover:bg-primary-50 hover:text-primary-700",
  danger: "border-danger bg-danger text-white hover:border-danger-700 hover:bg-danger-700 hover:text-white",
};

/** Button look for `<button>` and for links styled as buttons: `<Link className={buttonClasses("primary")}>`. */
export function buttonClasses(variant: ButtonVariant = "primary", { fullWidth = false }: ButtonStyleOptions = {}): string {
  return [
    "inline-flex min-h-12 items-center justify-center gap-2 rounded-sm border-2 px-6 py-2 text-center text-base font-semibold no-underline transition-colors",
    "disabled:cursor-not-allowed disabled:opacity-60",
    fullWidth ? "w-full" : "",
    variantClasses[variant],
  ]
    .filter(Boolean)
    .join(" ");
}

interface ButtonProps extends ComponentPropsWithoutRef<"button">, ButtonStyleOptions {
  variant?: ButtonVariant;
}

/** A `<button>`; `type` defaults to "submit" because most buttons here submit a form. */
export function Button({ variant = "primary", fullWidth, type = "submit", className, ...rest }: ButtonProps) {
  const classes = buttonClasses(variant, { fullWidth });
  return <button type={type} className={className ? `${classes} ${className}` : classes} {...rest} />;
}
