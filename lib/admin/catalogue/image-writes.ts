// A product's pictures: uploads stored in the database by the sha256 of their bytes (so they work
// the same on Vercel and on a Node host, and the same file uploaded twice is stored once), or
// links to a file in public/ or to a host on the allow-list of lib/store-config.ts.
import "server-only";
import { createHash } from "node:crypto";
import { imageSize } from "image-size";
import { db } from "@/lib/db";
import { storeConfig } from "@/lib/store-config";
import { detectImageType } from "./image-type";
import type { WriteResult } from "./product-writes";

export const MAX_ALT_LENGTH = 200;
const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
const tooLarge = (limit: number) => `This file is larger than ${megabytes(limit)}, the limit for images.`;

export type StoredBlob = { hash: string; contentType: string; width: number | null; height: number | null };

/** Checks and stores an upload's bytes; the same bytes again store nothing new. */
export async function storeImageBlob(bytes: Uint8Array): Promise<WriteResult<StoredBlob>> {
  const limit = storeConfig.images.maxUploadBytes;
  if (bytes.byteLength === 0) return { ok: false, field: "file", message: "Choose an image file." };
  if (bytes.byteLength > limit) {
    return {
      ok: false,
      field: "file",
      message: tooLarge(limit),
    };
  }
  const contentType = detectImageType(bytes);
  if (!contentType) {
    return { ok: false, field: "file", message: "This file is not a PNG, JPEG, WebP or AVIF image." };
  }
  let size: { width?: number; height?: number } = {};
  try {
    size = imageSize(bytes);
  } catch {
    // Dimensions are a nicety for the page's layout; a header image-size cannot read still shows.
  }
  const hash = createHash("sha256").update(bytes).digest("hex");
  const blob = { hash, contentType, width: size.width ?? null, height: size.height ?? null };
  await db.imageBlob.createMany({
    data: [{ ...blob, bytes: new Uint8Array(bytes), byteSize: bytes.byteLength }],
    skipDuplicates: true, // ON CONFLICT DO NOTHING: two uploads of one file at once store it once
  });
  return { ok: true, data: blob };
}

/** The next free position at the end of a product's pictures. */
async function nextPosition(productId: string): Promise<number> {
  const last = await db.productImage.aggregate({ where: { productId }, _max: { position: true } });
  return (last._max.position ?? -1) + 1;
}

async function productExists(productId: string): Promise<boolean> {
  return Boolean(await db.product.findUnique({ where: { id: productId }, select: { id: true } }));
}

export async function addUploadedImage(productId: string, file: File, alt: string): Promise<WriteResult> {
  if (!(await productExists(productId))) return { ok: false, message: "This product no longer exists." };
  // Checked before reading: a huge upload is refused without holding it twice in memory.
  const limit = storeConfig.images.maxUploadBytes;
  if (file.size > limit) {
    return {
      ok: false,
      field: "file",
      message: tooLarge(limit),
    };
  }
  const stored = await storeImageBlob(new Uint8Array(await file.arrayBuffer()));
  if (!stored.ok) return stored;
  await db.productImage.create({
    data: { productId, alt, blobHash: stored.data.hash, position: await nextPosition(productId) },
  });
  return { ok: true, data: undefined };
}

/** A picture's address is acceptable: a file of public/ ("/products/mug.svg"), or https on an allowed host. */
export function checkImageUrl(input: string): { ok: true; url: string } | { ok: false; message: string } {
  const url = input.trim();
  if (/^\/(?!\/)[A-Za-z0-9._\-/]+$/.test(url) && !url.includes("..")) return { ok: true, url };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, message: "Enter an https:// address or a path such as /products/mug.svg." };
  }
  const hosts: readonly string[] = storeConfig.images.remoteHosts;
  if (parsed.protocol !== "https:") return { ok: false, message: "Image links must use https://." };
  if (!hosts.includes(parsed.hostname) || parsed.username || parsed.password || parsed.port) {
    return {
      ok: false,
      message:
        `${parsed.hostname} is not on the image allow-list (${hosts.join(", ") || "empty"}); ` +
        "add it to images.remoteHosts in lib/store-config.ts, or upload the file.",
    };
  }
  return { ok: true, url: parsed.href };
}

export async function addImageUrl(productId: string, input: string, alt: string): Promise<WriteResult> {
  const checked = checkImageUrl(input);
  if (!checked.ok) return { ok: false, field: "url", message: checked.message };
  if (!(await productExists(productId))) return { ok: false, message: "This product no longer exists." };
  await db.productImage.create({
    data: { productId, alt, url: checked.url, position: await nextPosition(productId) },
  });
  return { ok: true, data: undefined };
}

export async function updateImageAlt(productId: string, imageId: string, alt: string): Promise<WriteResult> {
  const { count } = await db.productImage.updateMany({ where: { id: imageId, productId }, data: { alt } });
  return count ? { ok: true, data: undefined } : { ok: false, message: "This image is gone." };
}

/** Removes a picture from the product; its bytes stay stored (another product may show them). */
export async function removeImage(productId: string, imageId: string): Promise<WriteResult> {
  const { count } = await db.productImage.deleteMany({ where: { id: imageId, productId } });
  return count ? { ok: true, data: undefined } : { ok: false, message: "This image is gone." };
}

/** Swaps a picture with its neighbour; positions are renumbered 0..n-1 on the way. */
export async function moveImage(
  productId: string,
  imageId: string,
  direction: "up" | "down",
): Promise<WriteResult> {
  return db.$transaction(async (tx) => {
    const images = await tx.productImage.findMany({
      where: { productId },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    const index = images.findIndex((image) => image.id === imageId);
    if (index < 0) return { ok: false, message: "This image is gone." };
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= images.length) return { ok: true, data: undefined };
    [images[index], images[target]] = [images[target]!, images[index]!];
    for (const [position, image] of images.entries()) {
      await tx.productImage.update({ where: { id: image.id }, data: { position } });
    }
    return { ok: true, data: undefined };
  });
}
