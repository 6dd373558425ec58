// One labelled form field with its message underneath, tied by aria-describedby, so a refusal
// shows (and is read out) beside the field it is about.
import type { ReactNode } from "react";
import type { FormResult } from "@/lib/form-result";

export const inputClasses =
  "w-full rounded-xl border border-line bg-surface px-3.5 py-2.5 text-sm shadow-xs focus:border-brand " +
  "aria-invalid:border-red-700";

/** The first message for a field of the form's last result. */
export function fieldError(state: FormResult<unknown> | null, name: string): string | undefined {
  return state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined;
}

interface FieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  /** Renders the control with the ids it must carry. */
  children: (props: {
    id: string;
    "aria-invalid": true | undefined;
    "aria-describedby": string;
  }) => ReactNode;
}

export function Field({ id, label, hint, error, children }: FieldProps) {
  const messageId = `${id}-message`;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
        {hint ? <span className="font-normal text-muted"> {hint}</span> : null}
      </label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": messageId })}
      <p id={messageId} className="min-h-4 text-xs text-red-700" aria-live="polite">
        {error}
      </p>
    </div>
  );
}
