// The items of an order and its total, as a table that survives every mail client.
import { Column, Row, Section, Text } from "@react-email/components";
import type { MailOrder } from "../order-for-mail";
import { formatCents } from "../../money";
import { mailColors } from "./mail-layout";

export function OrderLines({ order }: { order: Pick<MailOrder, "items" | "totalCents"> }) {
  return (
    <Section>
      {order.items.map((item, index) => (
        <Row key={index} style={{ borderBottom: `1px solid ${mailColors.line}` }}>
          <Column>
            <Text style={{ margin: "8px 0" }}>
              {item.quantity} × {item.name}
              {item.variantTitle ? ` (${item.variantTitle})` : ""}
            </Text>
          </Column>
          <Column align="right">
            <Text style={{ margin: "8px 0" }}>{formatCents(item.unitPriceCents * item.quantity)}</Text>
          </Column>
        </Row>
      ))}
      <Row>
        <Column>
          <Text style={{ fontWeight: 700, margin: "8px 0" }}>Total</Text>
        </Column>
        <Column align="right">
          <Text style={{ fontWeight: 700, margin: "8px 0" }}>{formatCents(order.totalCents)}</Text>
        </Column>
      </Row>
    </Section>
  );
}
