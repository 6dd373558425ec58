import { Container } from "@/components/ui/container";
import { SupportEmail } from "@/components/ui/support-email";
import { storeConfig } from "@/lib/store-config";

export function SiteFooter() {
  return (
    <footer className="mt-24 border-t border-line bg-surface">
      <Container className="flex flex-col gap-6 py-10 text-sm text-muted sm:flex-row sm:items-start sm:justify-between">
        <div className="max-w-sm space-y-2">
          <p className="font-semibold text-ink">{storeConfig.name}</p>
          <p>{storeConfig.tagline}</p>
          <p>
            Questions about an order? <SupportEmail />
          </p>
          {storeConfig.social.length > 0 ? (
            <ul aria-label="Follow us" className="flex flex-wrap gap-x-4 gap-y-1 pt-1">
              {storeConfig.social.map((link) => (
                <li key={link.href}>
                  <a
                    href={link.href}
                    rel="me noopener"
                    className="font-medium text-ink underline decoration-line underline-offset-4 hover:decoration-brand"
                  >
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>

        <div className="sm:text-right">
          <p>
            Payments by{" "}
            <a
              href="https://qbitflow.app"
              className="font-medium text-ink underline decoration-line underline-offset-4 hover:decoration-brand"
            >
              QBitFlow
            </a>{" "}
            (non-custodial crypto: Ethereum, Base, Solana)
          </p>
        </div>
      </Container>
    </footer>
  );
}
