"use client";
// useActionState for the catalogue's forms, keeping what the merchant typed. A React 19 form
// action resets the form's uncontrolled fields when it finishes, so a refused product form would
// come back empty with its messages; submitting through onSubmit (and a transition) skips that
// reset. The `action` stays on the form, so it still posts without JavaScript.
import { startTransition, useActionState, type FormEvent } from "react";
import type { FormResult } from "@/lib/form-result";

type Action = (previous: FormResult<unknown> | null, formData: FormData) => Promise<FormResult<unknown>>;

export function useKeptForm(action: Action) {
  const [state, formAction, pending] = useActionState(action, null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The button pressed is part of the post (the intent of "Move up", "Remove"…).
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => formAction(formData));
  };
  return { state, pending, formProps: { action: formAction, onSubmit } };
}
