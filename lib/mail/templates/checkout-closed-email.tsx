// The customer's notice when a checkout expires unpaid or is cancelled: nothing was charged, the
// items went back on the shelf, and the cart is one click away.
import { Heading, Text } from "@react-email/components";
import type { MailOrder } from "../order-for-mail";
import { storeConfig } from "../../store-config";
import { MailButton, MailLayout } from "./mail-layout";
import { OrderLines } from "./order-lines";

type Closed = "EXPIRED" | "CANCELLED";

export function checkoutClosedSubject(order: Pick<MailOrder, "code">, status: Closed): string {
  return status === "EXPIRED"
    ? `Your checkout at ${storeConfig.name} expired (order ${order.code})`
    : `Your order ${order.code} at ${storeConfig.name} was cancelled`;
}

export function CheckoutClosedEmail({ order, status }: { order: MailOrder; status: Closed }) {
  const what = status === "EXPIRED" ? "expired before a payment arrived" : "was cancelled";
  return (
    <MailLayout preview={`Order ${order.code} ${what}. Nothing was charged.`}>
      <Heading as="h1" style={{ fontSize: 22 }}>
        Your checkout {what}
      </Heading>
      <Text>
        Order <strong>{order.code}</strong> {what}, so nothing was charged. If you still want these, you can
        start again from your cart:
      </Text>
      <OrderLines order={order} />
      <Text>
        <MailButton href={order.cartUrl}>Back to your cart</MailButton>
      </Text>
    </MailLayout>
  );
}
