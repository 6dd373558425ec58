// The sections of a product's admin page below its own fields: pictures, options and variants,
// stock. Server components that hand each form the plain data it needs.
import { Card } from "@/components/admin/shared/card";
import { imageSrc } from "@/lib/catalog/product-shape";
import { centsToPriceInput } from "@/lib/admin/catalogue/price";
import type { ProductForEdit } from "@/lib/admin/catalogue/queries";
import { storeConfig } from "@/lib/store-config";
import { ImageRow, LinkImageForm, UploadImageForm } from "./image-forms";
import { OptionsForm } from "./options-form";
import { StockForm } from "./stock-form";
import { VariantsForm } from "./variants-form";

const titleOf = (values: string[]) => values.join(" / ") || "Default";

function imageDetail(image: ProductForEdit["images"][number]): string {
  if (!image.blob) return image.url ?? "";
  const size = image.blob.width && image.blob.height ? `${image.blob.width}×${image.blob.height}, ` : "";
  return `Uploaded ${image.blob.contentType.replace("image/", "").toUpperCase()}, ${size}${Math.ceil(image.blob.byteSize / 1024)} KB`;
}

export function ImagesSection({ product }: { product: ProductForEdit }) {
  const images = product.images.flatMap((image) => {
    const src = imageSrc(image);
    return src ? [{ id: image.id, src, alt: image.alt, detail: imageDetail(image) }] : [];
  });
  return (
    <Card title="Images">
      {images.length ? (
        <ol className="mb-4 divide-y divide-line" aria-label="Product images, in order">
          {images.map((image, index) => (
            <ImageRow
              key={image.id}
              productId={product.id}
              image={image}
              first={index === 0}
              last={index === images.length - 1}
            />
          ))}
        </ol>
      ) : (
        <p className="mb-4 text-sm text-muted">
          No pictures yet. The first one is the one the store shows in lists.
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <UploadImageForm productId={product.id} maxBytes={storeConfig.images.maxUploadBytes} />
        <LinkImageForm productId={product.id} hosts={storeConfig.images.remoteHosts} />
      </div>
    </Card>
  );
}

export function VariantsSection({ product }: { product: ProductForEdit }) {
  const live = product.variants.filter((variant) => !variant.archivedAt);
  const archived = product.variants.filter((variant) => variant.archivedAt);
  return (
    <>
      <Card title="Options">
        <OptionsForm
          productId={product.id}
          options={product.options.map(({ name, values }) => ({ name, values }))}
        />
      </Card>
      <Card title="Variants">
        <VariantsForm
          productId={product.id}
          basePrice={centsToPriceInput(product.priceCents)}
          variants={live.map((variant) => ({
            id: variant.id,
            title: titleOf(variant.optionValues),
            sku: variant.sku ?? "",
            price: variant.priceCents === null ? "" : centsToPriceInput(variant.priceCents),
          }))}
        />
        {archived.length ? (
          <p className="mt-4 text-xs text-muted">
            Archived (no longer a combination of the options, kept for the orders that bought them):{" "}
            {archived.map((variant) => titleOf(variant.optionValues)).join(", ")}.
          </p>
        ) : null}
      </Card>
      <Card title="Stock">
        <p className="mb-4 text-sm text-muted">
          Stock counts units that can still be sold. Units in open (unpaid) orders are already taken out and
          shown as held; they come back if those orders expire or are cancelled. Every change is recorded with
          its reason.
        </p>
        <div className="space-y-4">
          {live.map((variant) => (
            <StockForm
              key={variant.id}
              variant={{
                id: variant.id,
                title: titleOf(variant.optionValues),
                stock: variant.stock,
                held: product.held[variant.id] ?? 0,
              }}
            />
          ))}
        </div>
      </Card>
    </>
  );
}
