// What the collection actions do: session first, then the form, then the write.
import "server-only";
import { isAdminSession, SIGNED_OUT } from "@/lib/admin/session/session";
import { invalidForm, type FormResult } from "@/lib/form-result";
import { readCollectionForm } from "./collection-form";
import {
  addToCollection,
  createCollection,
  deleteCollection,
  moveInCollection,
  removeFromCollection,
  updateCollection,
} from "./collection-writes";
import { text } from "./form-fields";
import { idField, refused } from "./form-result";

export async function createCollectionFromForm(
  session: string | undefined,
  formData: FormData,
): Promise<FormResult<{ id: string }>> {
  if (!isAdminSession(session)) return SIGNED_OUT;
  const parsed = readCollectionForm(formData);
  if (!parsed.success) return invalidForm(parsed.error);
  const result = await createCollection(parsed.data);
  return result.ok ? { ok: true, message: "Collection created.", data: result.data } : refused(result);
}

export async function updateCollectionFromForm(
  session: string | undefined,
  formData: FormData,
): Promise<FormResult> {
  if (!isAdminSession(session)) return SIGNED_OUT;
  const parsed = readCollectionForm(formData);
  if (!parsed.success) return invalidForm(parsed.error);
  const result = await updateCollection(idField(formData, "collectionId"), parsed.data);
  return result.ok ? { ok: true, message: "Saved." } : refused(result);
}

export async function deleteCollectionFromForm(
  session: string | undefined,
  formData: FormData,
): Promise<FormResult> {
  if (!isAdminSession(session)) return SIGNED_OUT;
  const result = await deleteCollection(idField(formData, "collectionId"));
  return result.ok ? { ok: true, message: "Collection deleted." } : refused(result);
}

/** Add, remove or move one product of a collection, by the button pressed. */
export async function editMembershipFromForm(
  session: string | undefined,
  formData: FormData,
): Promise<FormResult> {
  if (!isAdminSession(session)) return SIGNED_OUT;
  const collectionId = idField(formData, "collectionId");
  const productId = idField(formData, "productId");
  const intent = text(formData, "intent");
  if (!productId) return refused({ field: "productId", message: "Choose a product." });
  const result =
    intent === "remove"
      ? await removeFromCollection(collectionId, productId)
      : intent === "up" || intent === "down"
        ? await moveInCollection(collectionId, productId, intent)
        : await addToCollection(collectionId, productId);
  if (!result.ok) return refused(result);
  const words: Record<string, string> = { remove: "Removed.", up: "Moved.", down: "Moved." };
  return { ok: true, message: words[intent] ?? "Added." };
}
