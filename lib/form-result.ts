// The one shape every server action returns (design.md: `{ ok, message?, fieldErrors? }`), with
// room for what an action reports back (a replay's changes, a sweep's report). Forms read it
// through useActionState, so it stays plain data: no class, no Error.
import { z } from "zod";

export interface FormResult<T = undefined> {
  ok: boolean;
  /** What the form's live region says, success or failure. */
  message?: string;
  /** Per field, for aria-invalid and messages beside the field. */
  fieldErrors?: Record<string, string[]>;
  /** Set when the admin session was missing or expired: the form offers the login page. */
  signedOut?: boolean;
  data?: T;
}

/** A refusal; fits any FormResult<T>, and the failing side of results that carry more on success. */
export type FormFailure = FormResult<never> & { ok: false };

/**
 * A form that failed its zod schema. The message is the first error of `field` when the form has
 * one field worth naming (the others are hidden inputs the browser fills), else of any field.
 */
export function invalidForm<Shape>(error: z.ZodError<Shape>, field?: keyof Shape & string): FormFailure {
  const fieldErrors = z.flattenError(error).fieldErrors as Record<string, string[]>;
  const first = field ? fieldErrors[field]?.[0] : Object.values(fieldErrors).flat()[0];
  return { ok: false, message: first ?? "Check the form.", fieldErrors };
}
