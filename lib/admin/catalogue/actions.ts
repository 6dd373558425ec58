"use server";
// The catalogue admin's server actions: products, options and variants, images, stock,
// collections. Every export of a 'use server' file is an endpoint anyone can POST to, so only
// actions live here; each passes the session cookie to its *-operations.ts, which refuses without
// a valid one, and then tells Next which pages show what changed.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidateCatalogueAfterEdit } from "@/lib/catalog/cache-tags";
import { clientAddress } from "@/lib/client-address";
import { readSessionToken } from "@/lib/admin/session/session";
import type { FormResult } from "@/lib/form-result";
import {
  createCollectionFromForm,
  deleteCollectionFromForm,
  editMembershipFromForm,
  updateCollectionFromForm,
} from "./collection-operations";
import { editImageFromForm, linkImageFromForm, uploadImageFromForm } from "./media-operations";
import {
  createProductFromForm,
  deleteProductFromForm,
  saveOptionsFromForm,
  saveVariantsFromForm,
  setStatusFromForm,
  updateProductFromForm,
} from "./product-operations";
import { adjustStockFromForm } from "./stock-operations";

type Previous = FormResult<unknown> | null;

/**
 * The pages that show what changed: every cached catalogue page (home, collections, products,
 * the sitemap: a slug, status, price, picture or stock shows on several, and an admin edit is rare
 * enough that refreshing them all costs nothing), and the admin's own lists.
 */
function revalidateChangedPages() {
  revalidateCatalogueAfterEdit({ everything: true });
  revalidatePath("/admin/products", "layout");
  revalidatePath("/admin/collections", "layout");
}

/** Runs an operation and, when it changed something, refreshes the pages that show it. */
async function changing<T>(operation: Promise<FormResult<T>>): Promise<FormResult<T>> {
  const result = await operation;
  if (result.ok) revalidateChangedPages();
  return result;
}

export async function createProductAction(
  _previous: Previous,
  formData: FormData,
): Promise<FormResult<unknown>> {
  const result = await changing(createProductFromForm(await readSessionToken(), formData));
  if (!result.ok || !result.data) return result;
  // Outside any try/catch: redirect() works by throwing.
  redirect(`/admin/products/${result.data.id}?created=1`);
}

export async function updateProductAction(
  _previous: Previous,
  formData: FormData,
): Promise<FormResult<unknown>> {
  return changing(updateProductFromForm(await readSessionToken(), formData));
}

export async function setProductStatusAction(
  _previous: Previous,
  formData: FormData,
): Promise<FormResult<unknown>> {
  return changing(setStatusFromForm(await readSessionToken(), formData));
}

export async function deleteProductAction(
  _previous: Previous,
  formData: FormData,
): Promise<FormResult<unknown>> {
  const result = await changing(deleteProductFromForm(await readSessionToken(), formData));
  if (!result.ok) return result;
  redirect("/admin/products?deleted=1");
}

export async function saveOptionsAction(
  _previous: Previous,
  formData: FormData,
): Promise<FormResult<unknown>> {
  return changing(saveOptionsFromForm(await readSessionToken(), formData));
}

export async function saveVariantsAction(
  _previous: Previous,
  formData: FormData,
): Promise<FormResult<unknown>> {
  return changing(saveVariantsFromForm(await readSessionToken(), formData));
}

export async function uploadImageAction(
  _previous: Previous,
  formData: FormData,
): Promise<FormResult<unknown>> {
  return changing(uploadImageFromForm(await readSessionToken(), formData));
}

export async function linkImageAction(_previous: Previous, formData: FormData): Promise<FormResult<unknown>> {
  return changing(linkImageFromForm(await readSessionToken(), formData));
}

export async function editImageAction(_previous: Previous, formData: FormData): Promise<FormResult<unknown>> {
  return changing(editImageFromForm(await readSessionToken(), formData));
}

export async function adjustStockAction(
  _previous: Previous,
  formData: FormData,
): Promise<FormResult<unknown>> {
  const address = clientAddress(await headers());
  return changing(adjustStockFromForm(await readSessionToken(), formData, address));
}

export async function createCollectionAction(
  _previous: Previous,
  formData: FormData,
): Promise<FormResult<unknown>> {
  const result = await changing(createCollectionFromForm(await readSessionToken(), formData));
  if (!result.ok || !result.data) return result;
  redirect(`/admin/collections/${result.data.id}`);
}

export async function updateCollectionAction(
  _previous: Previous,
  formData: FormData,
): Promise<FormResult<unknown>> {
  return changing(updateCollectionFromForm(await readSessionToken(), formData));
}

export async function deleteCollectionAction(
  _previous: Previous,
  formData: FormData,
): Promise<FormResult<unknown>> {
  const result = await changing(deleteCollectionFromForm(await readSessionToken(), formData));
  if (!result.ok) return result;
  redirect("/admin/collections");
}

export async function editMembershipAction(
  _previous: Previous,
  formData: FormData,
): Promise<FormResult<unknown>> {
  return changing(editMembershipFromForm(await readSessionToken(), formData));
}
