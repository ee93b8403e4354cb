import type { ComponentPropsWithoutRef } from "react";

export type ButtonVariant = "primary" | "secondary" | "danger";

interface ButtonStyleOptions {
  fullWidth?: boolean;
}

/** Button look (globals.css: `.btn`, `.btn-<variant>`) for `<button>` and for links styled as buttons: `<Link className={buttonClasses("primary")}>`. */
export function buttonClasses(variant: ButtonVariant = "primary", { fullWidth = false }: ButtonStyleOptions = {}): string {
  return fullWidth ? `btn btn-${variant} w-full` : `btn btn-${variant}`;
}

interface ButtonProps extends ComponentPropsWithoutRef<"button">, ButtonStyleOptions {
  variant?: ButtonVariant;
}

/** A `<button>`; `type` defaults to "submit" because most buttons here submit a form. */
export function Button({ variant = "primary", fullWidth, type = "submit", className, ...rest }: ButtonProps) {
  const classes = buttonClasses(variant, { fullWidth });
  return <button type={type} className={className ? `${classes} ${className}` : classes} {...rest} />;
}
