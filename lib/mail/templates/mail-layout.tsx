// The frame of every email: the store's name in its brand colour, a card, the support line.
// Inline styles only (React Email's components render them inline): mail clients drop <style>.
import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { storeConfig } from "../../store-config";

export const mailColors = {
  brand: storeConfig.brand.color,
  ink: "#1d2420",
  muted: "#59625c",
  line: "#e6e0d4",
  canvas: "#faf7f1",
  warn: "#8a4b08",
};

export function MailLayout({ preview, children }: { preview: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body
        style={{
          backgroundColor: mailColors.canvas,
          color: mailColors.ink,
          fontFamily: "Helvetica, Arial, sans-serif",
        }}
      >
        <Container style={{ maxWidth: 560, padding: "24px 16px" }}>
          <Text style={{ color: mailColors.brand, fontSize: 20, fontWeight: 700, margin: "0 0 16px" }}>
            {storeConfig.name}
          </Text>
          <Section
            style={{
              backgroundColor: "#ffffff",
              border: `1px solid ${mailColors.line}`,
              borderRadius: 8,
              padding: "8px 24px",
            }}
          >
            {children}
          </Section>
          <Hr style={{ borderColor: mailColors.line, margin: "24px 0 8px" }} />
          <Text style={{ color: mailColors.muted, fontSize: 12 }}>
            Questions? Write to{" "}
            <Link href={`mailto:${storeConfig.supportEmail}`}>{storeConfig.supportEmail}</Link> or reply to
            this email.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export function MailButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link
      href={href}
      style={{
        backgroundColor: mailColors.brand,
        borderRadius: 6,
        color: "#ffffff",
        display: "inline-block",
        fontWeight: 600,
        padding: "10px 18px",
      }}
    >
      {children}
    </Link>
  );
}
