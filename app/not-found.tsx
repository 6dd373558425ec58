import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";

export const metadata: Metadata = { title: "Page not found" };

// Static, with no request data: Next renders this boundary inside every page's tree, the
// prerendered catalogue pages' too. A URL that matches no route gets it from the build, whose
// scripts carry no nonce: under the strict policy they do not run, and the page needs none (its
// one control is a link).
export default function NotFound() {
  return (
    <Container className="flex flex-col items-center py-24 text-center sm:py-32">
      <p className="text-sm font-semibold tracking-wide text-brand uppercase">Error 404</p>
      <h1 className="mt-3 font-display text-3xl font-semibold tracking-tight sm:text-4xl">Page not found</h1>
      <p className="mt-4 max-w-md text-pretty text-muted">
        We looked under every rock on the trail and this page was not there. It may have moved, or the link
        may have a typo.
      </p>
      <ButtonLink href="/" className="mt-8">
        Back to the shop
      </ButtonLink>
    </Container>
  );
}
