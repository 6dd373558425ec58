// The catalogue at a glance: picture, name, status, price, and stock beside what open orders hold.
import Image from "next/image";
import Link from "next/link";
import { AdminTable } from "@/components/admin/shared/admin-table";
import { Price } from "@/components/ui/price";
import { imageSrc } from "@/lib/catalog/product-shape";
import type { ProductListRow } from "@/lib/admin/catalogue/queries";
import { ProductStatusBadge } from "./product-status-badge";

export function ProductsTable({ rows }: { rows: ProductListRow[] }) {
  return (
    <AdminTable
      columns={[
        { label: "Product" },
        { label: "Status" },
        { label: "Variants", align: "right" },
        { label: "Price", align: "right" },
        { label: "In stock", align: "right" },
        { label: "Held by open orders", align: "right" },
      ]}
      empty="No products match."
      rowCount={rows.length}
    >
      {rows.map((product) => {
        const src = product.images[0] ? imageSrc(product.images[0]) : null;
        return (
          <tr key={product.id} className="transition-colors hover:bg-canvas/60">
            <td className="px-5 py-3">
              <span className="flex items-center gap-3">
                {src ? (
                  <Image
                    src={src}
                    alt=""
                    width={40}
                    height={40}
                    className="size-10 rounded-md border border-line object-cover"
                    unoptimized={src.endsWith(".svg")}
                  />
                ) : (
                  <span className="size-10 rounded-md border border-dashed border-line" aria-hidden />
                )}
                <span className="min-w-0">
                  <Link
                    href={`/admin/products/${product.id}`}
                    className="font-semibold text-brand hover:underline"
                  >
                    {product.name}
                  </Link>
                  <span className="block text-xs text-muted">/{product.slug}</span>
                </span>
              </span>
            </td>
            <td className="px-3 py-3">
              <ProductStatusBadge status={product.status} />
            </td>
            <td className="px-3 py-3 text-right">{product.variantCount}</td>
            <td className="px-3 py-3 text-right">
              <Price cents={product.priceCents} />
            </td>
            <td className={`px-3 py-3 text-right font-medium ${product.stock === 0 ? "text-red-700" : ""}`}>
              {product.stock}
            </td>
            <td className="px-5 py-3 text-right text-muted">{product.held}</td>
          </tr>
        );
      })}
    </AdminTable>
  );
}
