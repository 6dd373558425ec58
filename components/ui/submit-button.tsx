"use client";
// A submit button that knows its form is in flight: disabled, with a pending label, so a double
// click cannot submit twice.
import { useFormStatus } from "react-dom";
import type { ReactNode } from "react";
import { buttonClasses, type ButtonVariant } from "./button";

interface SubmitButtonProps {
  children: ReactNode;
  pendingLabel: string;
  variant?: ButtonVariant;
  className?: string;
}

export function SubmitButton({ children, pendingLabel, variant = "primary", className }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={buttonClasses(variant, className)}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
