// What the image actions do: upload, link, alt text, order, remove. Session first, then the form.
import "server-only";
import { z } from "zod";
import { isAdminSession, SIGNED_OUT } from "@/lib/admin/session/session";
import type { FormResult } from "@/lib/form-result";
import { text } from "./form-fields";
import { idField, refused } from "./form-result";
import {
  addImageUrl,
  addUploadedImage,
  MAX_ALT_LENGTH,
  moveImage,
  removeImage,
  updateImageAlt,
} from "./image-writes";

const altField = z
  .string()
  .trim()
  .max(MAX_ALT_LENGTH, `Keep the alt text under ${MAX_ALT_LENGTH} characters.`);

function readAlt(formData: FormData): { ok: true; alt: string } | { ok: false; result: FormResult } {
  const parsed = altField.safeParse(text(formData, "alt"));
  if (parsed.success) return { ok: true, alt: parsed.data };
  const message = parsed.error.issues[0]!.message;
  return { ok: false, result: { ok: false, message, fieldErrors: { alt: [message] } } };
}

export async function uploadImageFromForm(
  session: string | undefined,
  formData: FormData,
): Promise<FormResult> {
  if (!isAdminSession(session)) return SIGNED_OUT;
  const alt = readAlt(formData);
  if (!alt.ok) return alt.result;
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) {
    return refused({ field: "file", message: "Choose an image file." });
  }
  const result = await addUploadedImage(idField(formData, "productId"), file, alt.alt);
  return result.ok ? { ok: true, message: "Image added." } : refused(result);
}

export async function linkImageFromForm(
  session: string | undefined,
  formData: FormData,
): Promise<FormResult> {
  if (!isAdminSession(session)) return SIGNED_OUT;
  const alt = readAlt(formData);
  if (!alt.ok) return alt.result;
  const result = await addImageUrl(idField(formData, "productId"), text(formData, "url"), alt.alt);
  return result.ok ? { ok: true, message: "Image added." } : refused(result);
}

/** One form per picture: its alt text saved, or moved, or removed, by the button pressed. */
export async function editImageFromForm(
  session: string | undefined,
  formData: FormData,
): Promise<FormResult> {
  if (!isAdminSession(session)) return SIGNED_OUT;
  const productId = idField(formData, "productId");
  const imageId = idField(formData, "imageId");
  const intent = text(formData, "intent");
  if (intent === "up" || intent === "down") {
    const result = await moveImage(productId, imageId, intent);
    return result.ok ? { ok: true, message: "Moved." } : refused(result);
  }
  if (intent === "remove") {
    const result = await removeImage(productId, imageId);
    return result.ok ? { ok: true, message: "Image removed." } : refused(result);
  }
  const alt = readAlt(formData);
  if (!alt.ok) return alt.result;
  const result = await updateImageAlt(productId, imageId, alt.alt);
  return result.ok ? { ok: true, message: "Alt text saved." } : refused(result);
}
