"use client";
// A submit button for the forms of use-kept-form.ts (useFormStatus does not see their transition).
import type { ReactNode } from "react";
import { buttonClasses, type ButtonVariant } from "@/components/ui/button";

interface PendingButtonProps {
  pending: boolean;
  children: ReactNode;
  variant?: ButtonVariant;
  className?: string;
  name?: string;
  value?: string;
  /** Shown while the form is in flight; the label stays when omitted. */
  pendingLabel?: string;
  "aria-label"?: string;
}

export function PendingButton({
  pending,
  children,
  variant = "primary",
  className,
  pendingLabel,
  ...rest
}: PendingButtonProps) {
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
