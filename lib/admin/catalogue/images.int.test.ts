// Uploads and links against a real database, and the route that serves the bytes: the type is
// read from the bytes, the size is limited, the same file is stored once.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => (process.env.ADMIN_PASSWORD = "admin-password-for-the-tests"));

const { db } = await import("@/lib/db");
const { storeConfig } = await import("@/lib/store-config");
const { createTestProduct, deleteTestProducts } = await import("@/lib/test/fixtures");
const { adminSession, formOf, tinyPng } = await import("@/lib/test/admin-forms");
const { editImageFromForm, linkImageFromForm, uploadImageFromForm } = await import("./media-operations");
const { GET } = await import("@/app/images/[hash]/route");

const productIds: string[] = [];
const hashes: string[] = [];
afterAll(async () => {
  await deleteTestProducts(productIds);
  await db.imageBlob.deleteMany({ where: { hash: { in: hashes } } });
  await db.$disconnect();
});

async function product() {
  const created = await createTestProduct();
  productIds.push(created.id);
  return created;
}

const file = (bytes: Uint8Array, name: string, type: string) =>
  new File([new Uint8Array(bytes)], name, { type });
const upload = (productId: string, upload: File, alt = "A journal") =>
  uploadImageFromForm(adminSession(), formOf({ productId, file: upload, alt }));
const imagesOf = (productId: string) =>
  db.productImage.findMany({ where: { productId }, orderBy: { position: "asc" } });
const blobCount = () => db.imageBlob.count();

describe("uploading an image", () => {
  it("stores the same bytes once, however often they are uploaded, with their type and size", async () => {
    const item = await product();
    const png = tinyPng(randomUUID());
    expect(await upload(item.id, file(png, "journal.png", "image/png"))).toMatchObject({ ok: true });
    const blobs = await blobCount();
    expect(await upload(item.id, file(png, "again.jpg", "image/jpeg"))).toMatchObject({ ok: true });
    expect(await blobCount()).toBe(blobs);

    const images = await imagesOf(item.id);
    expect(images).toHaveLength(3); // the fixture's own picture, then the two uploads
    expect(images[1]!.blobHash).toBe(images[2]!.blobHash);
    hashes.push(images[1]!.blobHash!);
    const blob = await db.imageBlob.findUniqueOrThrow({ where: { hash: images[1]!.blobHash! } });
    expect(blob).toMatchObject({ contentType: "image/png", width: 1, height: 1, byteSize: png.byteLength });
  });

  it("refuses a text file named .png and sent as image/png, storing nothing", async () => {
    const item = await product();
    const [blobs, images] = [await blobCount(), await imagesOf(item.id)];
    const text = new TextEncoder().encode("not an image at all, only renamed\n");
    expect(await upload(item.id, file(text, "photo.png", "image/png"))).toMatchObject({
      ok: false,
      fieldErrors: { file: ["This file is not a PNG, JPEG, WebP or AVIF image."] },
    });
    expect(await blobCount()).toBe(blobs);
    expect(await imagesOf(item.id)).toEqual(images);
  });

  it("refuses a file over the limit, storing nothing", async () => {
    const item = await product();
    const [blobs, images] = [await blobCount(), await imagesOf(item.id)];
    const big = new Uint8Array(storeConfig.images.maxUploadBytes + 1);
    big.set(tinyPng());
    const result = await upload(item.id, file(big, "huge.png", "image/png"));
    expect(result.fieldErrors?.file?.[0]).toBe("This file is larger than 5 MB, the limit for images.");
    expect(await blobCount()).toBe(blobs);
    expect(await imagesOf(item.id)).toEqual(images);
  });

  it("refuses an empty form, and works only with a session", async () => {
    const item = await product();
    expect(await uploadImageFromForm(adminSession(), formOf({ productId: item.id, alt: "" }))).toMatchObject({
      fieldErrors: { file: ["Choose an image file."] },
    });
    const refused = await uploadImageFromForm(
      undefined,
      formOf({ productId: item.id, file: file(tinyPng("x"), "a.png", "") }),
    );
    expect(refused).toMatchObject({ ok: false, signedOut: true });
  });
});

describe("linking an image", () => {
  const link = (productId: string, url: string) =>
    linkImageFromForm(adminSession(), formOf({ productId, url, alt: "" }));

  it("accepts files of public/ and https links to the allowed hosts only", async () => {
    const item = await product();
    const allowed = `https://${storeConfig.images.remoteHosts[0]}/photo-1.jpg`;
    expect(await link(item.id, "/products/canvas-tote-bag.svg")).toMatchObject({ ok: true });
    expect(await link(item.id, allowed)).toMatchObject({ ok: true });
    const before = await imagesOf(item.id);
    for (const url of [
      "https://evil.example/x.png",
      `http://${storeConfig.images.remoteHosts[0]}/x.png`,
      "javascript:alert(1)",
      "//evil.example/x.png",
      "/../etc/passwd",
    ]) {
      const result = await link(item.id, url);
      expect(result.ok, url).toBe(false);
      expect(result.fieldErrors?.url, url).toHaveLength(1);
    }
    expect(await imagesOf(item.id)).toEqual(before);
  });
});

describe("editing pictures", () => {
  it("moves, relabels and removes a picture", async () => {
    const item = await product();
    await linkImageFromForm(adminSession(), formOf({ productId: item.id, url: "/products/b.svg", alt: "" }));
    const [first, second] = await imagesOf(item.id);
    const edit = (imageId: string, intent: string, alt = "") =>
      editImageFromForm(adminSession(), formOf({ productId: item.id, imageId, intent, alt }));
    await edit(second!.id, "up");
    expect((await imagesOf(item.id)).map((image) => image.id)).toEqual([second!.id, first!.id]);
    await edit(second!.id, "alt", "The back cover");
    await edit(first!.id, "remove");
    expect(await imagesOf(item.id)).toMatchObject([{ id: second!.id, alt: "The back cover" }]);
  });
});

describe("the image route", () => {
  const get = (hash: string, headers: HeadersInit = {}) =>
    GET(new Request(`http://localhost/images/${hash}`, { headers }), { params: Promise.resolve({ hash }) });

  it("serves the bytes with their type, for a year, immutable, nosniff", async () => {
    const item = await product();
    const png = tinyPng(randomUUID());
    await upload(item.id, file(png, "a.png", "image/png"));
    const hash = (await imagesOf(item.id))[1]!.blobHash!;
    hashes.push(hash);
    const response = await get(hash);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(png);
    expect((await get(hash, { "if-none-match": `"${hash}"` })).status).toBe(304);
  });

  it("answers 404 for an unknown hash and 400 for a malformed one, as JSON", async () => {
    const unknown = await get("0".repeat(64));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: "not_found" });
    for (const malformed of ["abc", "G".repeat(64), "A".repeat(64), `${"0".repeat(64)}.png`]) {
      const response = await get(malformed);
      expect(response.status, malformed).toBe(400);
      expect(await response.json()).toMatchObject({ code: "malformed_hash" });
    }
  });
});
