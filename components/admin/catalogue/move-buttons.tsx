"use client";
// ↑ and ↓ for a row of an ordered list (intents "up" and "down"), off at either end and in flight.
import { SubmitButton } from "@/components/ui/submit-button";

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
      <SubmitButton
        pending={pending || first}
        variant="secondary"
        className="px-3 py-1.5"
        name="intent"
        value="up"
        aria-label={`Move ${what} up`}
      >
        ↑
      </SubmitButton>
      <SubmitButton
        pending={pending || last}
        variant="secondary"
        className="px-3 py-1.5"
        name="intent"
        value="down"
        aria-label={`Move ${what} down`}
      >
        ↓
      </SubmitButton>
    </>
  );
}
