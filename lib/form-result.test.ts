import { describe, expect, it } from "vitest";
import { z } from "zod";
import { invalidForm } from "./form-result";

const form = z.object({
  orderId: z.string().min(1, "Unknown order."),
  note: z.string().max(3, "Keep the note short."),
});
const errorOf = (value: unknown) => {
  const parsed = form.safeParse(value);
  if (parsed.success) throw new Error("expected the form to fail");
  return parsed.error;
};

describe("invalidForm", () => {
  it("says the first error of any field, and keeps every field's errors", () => {
    expect(invalidForm(errorOf({ orderId: "", note: "too long" }))).toEqual({
      ok: false,
      message: "Unknown order.",
      fieldErrors: { orderId: ["Unknown order."], note: ["Keep the note short."] },
    });
  });

  it("with a field named, says that field's first error", () => {
    expect(invalidForm(errorOf({ orderId: "", note: "too long" }), "note")).toMatchObject({
      message: "Keep the note short.",
    });
  });

  it("falls back to a general message when the named field is fine", () => {
    expect(invalidForm(errorOf({ orderId: "", note: "" }), "note")).toMatchObject({
      message: "Check the form.",
      fieldErrors: { orderId: ["Unknown order."] },
    });
  });
});
