"use client";

import { useEffect } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { storeConfig } from "@/lib/store-config";

interface ErrorPageProps {
  error: unknown;
  /** Re-fetches and re-renders the failed segment (Next 16; `reset` would only re-render). */
  retry: () => void;
}

// Customers see a calm message and a way forward, never the error itself: in production
// Next.js already strips server error messages, and a stack trace helps nobody at a checkout.
export default function ErrorPage({ error, retry }: ErrorPageProps) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  // The digest matches the server log entry, so a customer can quote it to support.
  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string"
      ? error.digest
      : undefined;

  return (
    <Container className="flex flex-col items-center py-24 text-center sm:py-32">
      <p className="text-sm font-semibold tracking-wide text-brand uppercase">Something went wrong</p>
      <h1 className="mt-3 font-display text-3xl font-semibold tracking-tight sm:text-4xl">
        We could not load this page
      </h1>
      <p className="mt-4 max-w-md text-pretty text-muted">
        This is on our side, not yours. If you were checking out, <strong>nothing was charged</strong>: please
        try again in a moment. If it keeps happening, write to us at{" "}
        <a href={`mailto:${storeConfig.supportEmail}`} className="text-brand underline underline-offset-4">
          {storeConfig.supportEmail}
        </a>
        .
      </p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <Button onClick={() => retry()}>Try again</Button>
        <ButtonLink href="/" variant="secondary">
          Back to the shop
        </ButtonLink>
      </div>
      {digest ? <p className="mt-8 text-xs text-muted">Reference: {digest}</p> : null}
    </Container>
  );
}
