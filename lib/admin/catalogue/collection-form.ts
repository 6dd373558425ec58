// The collection form, checked on the server.
import { z } from "zod";
import { slugField, text } from "./form-fields";
import { slugify } from "./slug";

export const collectionForm = z
  .object({
    title: z.string().trim().min(1, "Enter a title.").max(120, "Keep the title under 120 characters."),
    slug: slugField,
    description: z.string().trim().max(5000, "Keep the description under 5,000 characters."),
    sortOrder: z
      .string()
      .trim()
      .refine((value) => value === "" || /^-?\d{1,6}$/.test(value), "Enter a whole number, such as 0 or 10.")
      .transform((value) => Number(value || "0")),
  })
  .superRefine((form, context) => {
    if (!form.slug && !slugify(form.title)) {
      context.addIssue({
        code: "custom",
        path: ["slug"],
        message: "No slug can be made from this title: type one.",
      });
    }
  })
  .transform((form) => ({ ...form, slug: form.slug || slugify(form.title) }));

export type CollectionInput = z.output<typeof collectionForm>;

export function readCollectionForm(formData: FormData) {
  return collectionForm.safeParse({
    title: text(formData, "title"),
    slug: text(formData, "slug"),
    description: text(formData, "description"),
    sortOrder: text(formData, "sortOrder"),
  });
}
