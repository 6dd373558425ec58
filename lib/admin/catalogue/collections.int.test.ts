// Collections through the admin's operations, on a real database.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => (process.env.ADMIN_PASSWORD = "admin-password-for-the-tests"));

const { db } = await import("@/lib/db");
const { createTestProduct, deleteTestProducts } = await import("@/lib/test/fixtures");
const { adminSession, formOf } = await import("@/lib/test/admin-forms");
const {
  createCollectionFromForm,
  deleteCollectionFromForm,
  editMembershipFromForm,
  updateCollectionFromForm,
} = await import("./collection-operations");

const productIds: string[] = [];
const collectionIds: string[] = [];
afterAll(async () => {
  await db.collection.deleteMany({ where: { id: { in: collectionIds } } });
  await deleteTestProducts(productIds);
  await db.$disconnect();
});

async function collection(title = `Paper goods ${randomUUID().slice(0, 8)}`, slug = "") {
  const result = await createCollectionFromForm(
    adminSession(),
    formOf({ title, slug, description: "", sortOrder: "0" }),
  );
  if (result.data) collectionIds.push(result.data.id);
  return result;
}

describe("collections", () => {
  it("derives the slug from the title and refuses a duplicate beside the field, storing nothing", async () => {
    const title = `Paper Goods ${randomUUID().slice(0, 8)}`;
    const first = await collection(title);
    const { slug } = await db.collection.findUniqueOrThrow({ where: { id: first.data!.id } });
    expect(slug).toBe(title.toLowerCase().replaceAll(" ", "-"));
    const count = await db.collection.count();
    const second = await collection("Another", slug);
    expect(second).toMatchObject({
      ok: false,
      fieldErrors: { slug: [`Another collection already uses the slug "${slug}". Choose another.`] },
    });
    expect(await db.collection.count()).toBe(count);
  });

  it("refuses a sort order that is not a whole number, changing nothing", async () => {
    const { data } = await collection();
    const before = await db.collection.findUniqueOrThrow({ where: { id: data!.id } });
    const result = await updateCollectionFromForm(
      adminSession(),
      formOf({
        collectionId: data!.id,
        title: "Renamed",
        slug: before.slug,
        description: "",
        sortOrder: "1.5",
      }),
    );
    expect(result.fieldErrors?.sortOrder).toEqual(["Enter a whole number, such as 0 or 10."]);
    expect(await db.collection.findUniqueOrThrow({ where: { id: data!.id } })).toEqual(before);
  });

  it("adds, orders and removes products, and deleting it keeps them", async () => {
    const { data } = await collection();
    const [a, b] = [await createTestProduct(), await createTestProduct()];
    productIds.push(a.id, b.id);
    const edit = (productId: string, intent: string) =>
      editMembershipFromForm(adminSession(), formOf({ collectionId: data!.id, productId, intent }));
    const order = async () =>
      (
        await db.collectionProduct.findMany({
          where: { collectionId: data!.id },
          orderBy: { position: "asc" },
        })
      ).map((row) => row.productId);
    await edit(a.id, "add");
    await edit(b.id, "add");
    await edit(a.id, "add"); // twice: still once
    expect(await order()).toEqual([a.id, b.id]);
    await edit(b.id, "up");
    expect(await order()).toEqual([b.id, a.id]);
    await edit(b.id, "remove");
    expect(await order()).toEqual([a.id]);
    expect(await deleteCollectionFromForm(adminSession(), formOf({ collectionId: data!.id }))).toMatchObject({
      ok: true,
    });
    expect(await db.product.count({ where: { id: a.id } })).toBe(1);
  });
});
