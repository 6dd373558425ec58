// A write's refusal as the form's result: its message, beside the field it is about.
import type { FormFailure } from "@/lib/form-result";

export function refused(result: {
  message: string;
  field?: string;
  fieldErrors?: Record<string, string[]>;
}): FormFailure {
  const fieldErrors = result.fieldErrors ?? (result.field ? { [result.field]: [result.message] } : undefined);
  return { ok: false, message: result.message, ...(fieldErrors ? { fieldErrors } : {}) };
}

/** An id from a hidden field; anything else reads as "" (and matches no row). */
export function idField(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" && /^[0-9a-f-]{36}$/i.test(value) ? value : "";
}
