import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";

// A product-specific 404: the usual cause is an old link to something no longer for sale.
export default function ProductNotFound() {
  return (
    <Container className="flex flex-col items-center py-24 text-center sm:py-32">
      <p className="text-sm font-semibold tracking-wide text-brand uppercase">Error 404</p>
      <h1 className="mt-3 font-display text-3xl font-semibold tracking-tight sm:text-4xl">
        Product not found
      </h1>
      <p className="mt-4 max-w-md text-pretty text-muted">
        This product is not in the shop, or no longer for sale. Everything we have right now is one click
        away.
      </p>
      <ButtonLink href="/" className="mt-8">
        Back to the shop
      </ButtonLink>
    </Container>
  );
}
