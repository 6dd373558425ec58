// The product form against a real database: each bad input gives its field's message and
// stores nothing; a slug change leaves a redirect; delete is refused once an order has the product.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => (process.env.ADMIN_PASSWORD = "admin-password-for-the-tests"));

const { db } = await import("@/lib/db");
const { createPendingOrder } = await import("@/lib/orders/order-store");
const { adminSession, formOf } = await import("@/lib/test/admin-forms");
const { createProductFromForm, deleteProductFromForm, setStatusFromForm, updateProductFromForm } =
  await import("./product-operations");

const created: string[] = [];
afterAll(async () => {
  await db.order.deleteMany({ where: { items: { some: { productId: { in: created } } } } });
  await db.product.deleteMany({ where: { id: { in: created } } });
  await db.$disconnect();
});

const tag = () => randomUUID().slice(0, 8);
const productFields = (overrides: Record<string, string | string[]> = {}) => ({
  name: `Harbor Field Journal ${tag()}`,
  slug: "",
  description: "Ruled, **92 pages**.",
  price: "2.99",
  compareAt: "",
  status: "ACTIVE",
  seoTitle: "",
  seoDescription: "",
  ...overrides,
});

async function create(overrides: Record<string, string | string[]> = {}) {
  const result = await createProductFromForm(adminSession(), formOf(productFields(overrides)));
  if (result.data) created.push(result.data.id);
  return result;
}

const productsNamed = (name: string) => db.product.count({ where: { name } });

describe("creating a product", () => {
  it("stores exact cents, a slug derived from the name, and one default variant at stock 0", async () => {
    const fields = productFields({ name: `Harbor Field Journal ${tag()}` });
    const result = await createProductFromForm(adminSession(), formOf(fields));
    expect(result).toMatchObject({ ok: true });
    created.push(result.data!.id);
    const product = await db.product.findUniqueOrThrow({
      where: { id: result.data!.id },
      include: { variants: true },
    });
    expect(product).toMatchObject({
      priceCents: 299,
      slug: fields.name.toLowerCase().replaceAll(" ", "-"),
      status: "ACTIVE",
    });
    expect(product.variants).toMatchObject([{ optionKey: "", optionValues: [], stock: 0 }]);
  });

  it.each([
    ["0", "The price must be more than $0."],
    ["2.999", "Use at most two decimals (cents)."],
    ["-1", "Enter a price in dollars, such as 2.99."],
    ["", "Enter a price."],
  ])("refuses the price %j beside the field, storing nothing", async (price, message) => {
    const fields = productFields({ price });
    const result = await createProductFromForm(adminSession(), formOf(fields));
    expect(result).toMatchObject({ ok: false, fieldErrors: { price: [message] } });
    expect(await productsNamed(fields.name)).toBe(0);
  });

  it("refuses a compare-at price not above the price", async () => {
    const fields = productFields({ price: "5", compareAt: "5.00" });
    const result = await createProductFromForm(adminSession(), formOf(fields));
    expect(result.fieldErrors?.compareAt?.[0]).toMatch(/higher than the price/);
    expect(await productsNamed(fields.name)).toBe(0);
  });

  it("refuses a duplicate slug beside the field, storing nothing", async () => {
    const first = await create({ slug: `journal-${tag()}` });
    const slug = (await db.product.findUniqueOrThrow({ where: { id: first.data!.id } })).slug;
    const fields = productFields({ slug });
    const result = await createProductFromForm(adminSession(), formOf(fields));
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { slug: [`Another product already uses the slug "${slug}". Choose another.`] },
    });
    expect(await productsNamed(fields.name)).toBe(0);
  });

  it("refuses a malformed slug, an empty name and an unknown status", async () => {
    const result = await createProductFromForm(
      adminSession(),
      formOf(productFields({ name: " ", slug: "Not a slug!", status: "SOLD" })),
    );
    expect(result.fieldErrors).toMatchObject({
      name: ["Enter a name."],
      slug: [expect.stringMatching(/lowercase letters/)],
      status: ["Choose a status."],
    });
  });

  it("needs an admin session", async () => {
    const fields = productFields();
    expect(await createProductFromForm(undefined, formOf(fields))).toMatchObject({
      ok: false,
      signedOut: true,
    });
    expect(await productsNamed(fields.name)).toBe(0);
  });
});

describe("editing a product", () => {
  it("writes a redirect from the old slug when the slug changes, and drops it when the slug comes back", async () => {
    const oldSlug = `old-${tag()}`;
    const { data } = await create({ slug: oldSlug });
    const newSlug = `new-${tag()}`;
    const edit = (slug: string) =>
      updateProductFromForm(adminSession(), formOf({ ...productFields({ slug }), productId: data!.id }));

    expect(await edit(newSlug)).toMatchObject({ ok: true });
    expect(await db.productSlugRedirect.findUnique({ where: { slug: oldSlug } })).toMatchObject({
      productId: data!.id,
    });

    expect(await edit(oldSlug)).toMatchObject({ ok: true });
    expect(await db.productSlugRedirect.findUnique({ where: { slug: oldSlug } })).toBeNull();
    expect(await db.productSlugRedirect.findUnique({ where: { slug: newSlug } })).toMatchObject({
      productId: data!.id,
    });
  });

  it("refuses another product's slug and changes nothing", async () => {
    const other = await create({ slug: `taken-${tag()}` });
    const otherSlug = (await db.product.findUniqueOrThrow({ where: { id: other.data!.id } })).slug;
    const { data } = await create({ price: "4.00" });
    const before = await db.product.findUniqueOrThrow({ where: { id: data!.id } });
    const result = await updateProductFromForm(
      adminSession(),
      formOf({ ...productFields({ slug: otherSlug, price: "9.99" }), productId: data!.id }),
    );
    expect(result.fieldErrors?.slug?.[0]).toMatch(/already uses the slug/);
    expect(await db.product.findUniqueOrThrow({ where: { id: data!.id } })).toEqual(before);
  });
});

describe("archiving and deleting", () => {
  it("archives and unarchives", async () => {
    const { data } = await create();
    expect(
      await setStatusFromForm(adminSession(), formOf({ productId: data!.id, status: "ARCHIVED" })),
    ).toMatchObject({ ok: true });
    expect((await db.product.findUniqueOrThrow({ where: { id: data!.id } })).status).toBe("ARCHIVED");
    await setStatusFromForm(adminSession(), formOf({ productId: data!.id, status: "ACTIVE" }));
    expect((await db.product.findUniqueOrThrow({ where: { id: data!.id } })).status).toBe("ACTIVE");
  });

  it("refuses to delete a product an order references, suggesting to archive it", async () => {
    const { data } = await create();
    const variant = await db.productVariant.findFirstOrThrow({ where: { productId: data!.id } });
    await db.productVariant.update({ where: { id: variant.id }, data: { stock: 3 } }); // test setup, not the app
    await createPendingOrder({ lines: [{ variantId: variant.id, quantity: 1 }] });

    const result = await deleteProductFromForm(adminSession(), formOf({ productId: data!.id }));
    expect(result).toMatchObject({ ok: false });
    expect(result.message).toMatch(/1 order line references this product.*Archive it instead/);
    expect(await db.product.count({ where: { id: data!.id } })).toBe(1);
  });

  it("deletes a product no order references, with its variants", async () => {
    const { data } = await create();
    expect(await deleteProductFromForm(adminSession(), formOf({ productId: data!.id }))).toMatchObject({
      ok: true,
    });
    expect(await db.product.count({ where: { id: data!.id } })).toBe(0);
    expect(await db.productVariant.count({ where: { productId: data!.id } })).toBe(0);
  });
});

describe("the compare-at price", () => {
  it("gives the price's own message beside the field", async () => {
    const fields = productFields({ compareAt: "3.999" });
    const result = await createProductFromForm(adminSession(), formOf(fields));
    expect(result.fieldErrors?.compareAt).toEqual(["Use at most two decimals (cents)."]);
    expect(await productsNamed(fields.name)).toBe(0);
  });
});

describe("two merchants taking one slug at once", () => {
  it("lets one have it and tells the other beside the field (the unique index catches the race)", async () => {
    const slug = `race-${tag()}`;
    const results = await Promise.all([create({ slug }), create({ slug })]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)?.fieldErrors?.slug?.[0]).toMatch(/already uses the slug/);
    expect(await db.product.count({ where: { slug } })).toBe(1);
  });
});
