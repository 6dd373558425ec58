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

/** ↑ and ↓ for a row of an ordered list (intents "up" and "down"), off at either end and in flight. */
export function MoveButtons({
  pending,
  first,
  last,
  what,
}: {
  pending: boolean;
  first: boolean;
  last: boolean;
  /** Named in the buttons' labels: "Move <what> up". */
  what: string;
}) {
  return (
    <>
      <PendingButton
        pending={pending || first}
        variant="secondary"
        className="px-3 py-1.5"
        name="intent"
        value="up"
        aria-label={`Move ${what} up`}
      >
        ↑
      </PendingButton>
      <PendingButton
        pending={pending || last}
        variant="secondary"
        className="px-3 py-1.5"
        name="intent"
        value="down"
        aria-label={`Move ${what} down`}
      >
        ↓
      </PendingButton>
    </>
  );
}
