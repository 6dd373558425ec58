// A new product: its own fields first; options, pictures and stock on its page once it exists.
import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/admin/shared/card";
import { ProductForm } from "@/components/admin/catalogue/product-form";
import { requireAdmin } from "@/lib/admin/session/session";
import { listCollections } from "@/lib/admin/catalogue/queries";

export const metadata: Metadata = { title: "New product" };

export default async function NewProductPage() {
  await requireAdmin();
  const collections = await listCollections();
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/products" className="text-brand hover:underline">
          ← Products
        </Link>
      </p>
      <h1 className="font-display text-3xl font-semibold tracking-tight">New product</h1>
      <Card>
        <ProductForm
          collections={collections}
          values={{
            name: "",
            slug: "",
            description: "",
            price: "",
            compareAt: "",
            digital: false,
            status: "ACTIVE",
            seoTitle: "",
            seoDescription: "",
            collectionIds: [],
          }}
        />
        <p className="mt-4 text-xs text-muted">
          A new product starts with one variant and no stock: add options (sizes, colours), pictures and stock
          on the next page.
        </p>
      </Card>
    </div>
  );
}
