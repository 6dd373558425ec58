// One product: its fields, pictures, options and variants, stock and its history, archive/delete.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/admin/shared/card";
import { ProductForm } from "@/components/admin/catalogue/product-form";
import { ImagesSection, VariantsSection } from "@/components/admin/catalogue/product-sections";
import { ProductStatusBadge } from "@/components/admin/catalogue/product-status-badge";
import { ArchiveForm, DeleteProductForm } from "@/components/admin/catalogue/product-status-forms";
import { StockHistory } from "@/components/admin/catalogue/stock-history";
import { requireAdmin } from "@/lib/admin/session/session";
import { centsToPriceInput } from "@/lib/admin/catalogue/price";
import { getProductForEdit, listCollections, stockHistory } from "@/lib/admin/catalogue/queries";
import { renderMarkdown } from "@/lib/markdown/render-markdown";

export const metadata: Metadata = { title: "Product" };

export default async function AdminProductPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdmin();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const [product, collections, history, query] = await Promise.all([
    getProductForEdit(id),
    listCollections(),
    stockHistory(id),
    searchParams,
  ]);
  if (!product) notFound();

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/products" className="text-brand hover:underline">
          ← Products
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="font-display text-3xl font-semibold tracking-tight">{product.name}</h1>
        <ProductStatusBadge status={product.status} />
        {product.status === "ACTIVE" ? (
          // Not prefetched: that would render the store's page while the merchant is about to change it.
          <Link
            href={`/products/${product.slug}`}
            prefetch={false}
            className="text-sm text-brand hover:underline"
          >
            View on the store
          </Link>
        ) : null}
      </div>
      {query.created ? (
        <p role="status" className="text-sm text-ok">
          Product created. Add its options, pictures and stock below.
        </p>
      ) : null}

      <Card title="Details">
        <ProductForm
          collections={collections}
          values={{
            id: product.id,
            name: product.name,
            slug: product.slug,
            description: product.description,
            price: centsToPriceInput(product.priceCents),
            compareAt: product.compareAtCents === null ? "" : centsToPriceInput(product.compareAtCents),
            digital: product.digital,
            status: product.status,
            seoTitle: product.seoTitle ?? "",
            seoDescription: product.seoDescription ?? "",
            collectionIds: product.collections.map((row) => row.collectionId),
          }}
        />
        {product.slugRedirects.length ? (
          <p className="mt-3 text-xs text-muted">
            Old addresses that redirect here:{" "}
            {product.slugRedirects.map((row) => `/products/${row.slug}`).join(", ")}
          </p>
        ) : null}
        {product.description ? (
          <details className="mt-4 text-sm">
            <summary className="cursor-pointer text-muted">Description as the store shows it</summary>
            <div
              className="prose mt-3 max-w-none rounded-xl border border-line p-4"
              // Safe: renderMarkdown escapes raw HTML and refuses script links (lib/markdown).
              dangerouslySetInnerHTML={{ __html: renderMarkdown(product.description) }}
            />
          </details>
        ) : null}
      </Card>

      <ImagesSection product={product} />
      <VariantsSection product={product} />

      <Card title="Stock history" flush>
        <StockHistory rows={history} />
      </Card>

      <Card title="Archive or delete">
        <div className="grid gap-6 sm:grid-cols-2">
          <ArchiveForm productId={product.id} archived={product.status === "ARCHIVED"} />
          <DeleteProductForm productId={product.id} />
        </div>
        {product._count.orderItems ? (
          <p className="mt-3 text-xs text-muted">
            {product._count.orderItems} order {product._count.orderItems === 1 ? "line" : "lines"} reference
            this product.
          </p>
        ) : null}
      </Card>
    </div>
  );
}
