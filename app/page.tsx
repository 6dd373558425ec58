import { connection } from "next/server";
import { HomeHero } from "@/components/shop/home-hero";
import { ProductGrid } from "@/components/shop/product-grid";
import { Container } from "@/components/ui/container";
import { listActiveProducts } from "@/lib/catalog";
import { offerSweep } from "@/lib/sweep/opportunistic-sweep";

export default async function HomePage() {
  // Render per request: availability changes with every order, a prerendered page would lie.
  await connection();
  // After the response, if no instance has reconciled open orders for a while (lib/sweep/).
  offerSweep();
  const products = await listActiveProducts();

  return (
    <>
      <HomeHero
        images={products
          .flatMap((product) => product.images.slice(0, 1).map((image) => image.src))
          .slice(0, 3)}
      />

      <Container className="pt-12">
        <section aria-labelledby="catalogue-title">
          <div className="mb-6 flex items-baseline justify-between gap-4">
            <h2 id="catalogue-title" className="font-display text-2xl font-semibold tracking-tight">
              The shop
            </h2>
            <p className="text-sm text-muted">
              {products.length} {products.length === 1 ? "item" : "items"}
            </p>
          </div>
          <ProductGrid products={products} />
        </section>
      </Container>
    </>
  );
}
