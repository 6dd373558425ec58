"use client";
// A submit button that knows its form is in flight: disabled, with a pending label, so a double
// click cannot submit twice. Forms whose transition useFormStatus does not see (use-kept-form.ts)
// pass `pending` themselves; when given it wins over the form's status.
import { useFormStatus } from "react-dom";
import type { ReactNode } from "react";
import { buttonClasses, type ButtonVariant } from "./button";

interface SubmitButtonProps {
  children: ReactNode;
  /** Shown while the form is in flight; the label stays when omitted. */
  pendingLabel?: string;
  /** In flight (or otherwise off) as the caller knows it; overrides useFormStatus when given. */
  pending?: boolean;
  variant?: ButtonVariant;
  className?: string;
  name?: string;
  value?: string;
  "aria-label"?: string;
}

export function SubmitButton({
  children,
  pendingLabel,
  pending: pendingProp,
  variant = "primary",
  className,
  ...rest
}: SubmitButtonProps) {
  const formStatus = useFormStatus();
  const pending = pendingProp ?? formStatus.pending;
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={buttonClasses(variant, className)}
      {...rest}
    >
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
