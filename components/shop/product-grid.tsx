import type { CatalogProduct } from "@/lib/catalog";
import { ProductCard } from "./product-card";

// Cards in the first row (three on desktop) load eagerly; the rest lazily.
const EAGER_COUNT = 3;

export function ProductGrid({ products }: { products: CatalogProduct[] }) {
  if (products.length === 0) {
    return (
      <div className="rounded-2xl border border-dashed border-line bg-surface p-10 text-center text-muted">
        <p className="font-medium text-ink">No products yet.</p>
        {/* Most often seen on a fresh database: tell the merchant how to fill it. */}
        <p className="mt-1 text-sm">
          Add some in the admin (<code className="font-mono">/admin/products</code>), or run{" "}
          <code className="font-mono">npm run db:seed</code> for the demo catalogue.
        </p>
      </div>
    );
  }

  return (
    <ul className="grid grid-cols-1 gap-6 sm:grid-cols-2 lg:grid-cols-3">
      {products.map((product, index) => (
        <li key={product.id}>
          <ProductCard product={product} eager={index < EAGER_COUNT} />
        </li>
      ))}
    </ul>
  );
}
