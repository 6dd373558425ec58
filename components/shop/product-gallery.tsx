import Image from "next/image";
import type { CatalogImage } from "@/lib/catalog";

/**
 * The product's pictures: the first one, large (a later issue adds the thumbnails). Images are
 * served as they are (`unoptimized`): the demo's are SVGs, and uploads come from our own
 * content-addressed route with their own cache headers.
 */
export function ProductGallery({
  images,
  name,
  dimmed,
}: {
  images: CatalogImage[];
  name: string;
  dimmed: boolean;
}) {
  const first = images[0];
  return (
    <div className="relative aspect-square overflow-hidden rounded-3xl border border-line bg-brand-soft">
      {first ? (
        <Image
          src={first.src}
          alt={first.alt || name}
          fill
          unoptimized
          preload
          sizes="(min-width: 768px) 50vw, 100vw"
          className={`object-cover ${dimmed ? "opacity-60 grayscale" : ""}`}
        />
      ) : null}
    </div>
  );
}
