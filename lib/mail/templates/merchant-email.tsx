// The merchant's notice: every paid order, and every order that needs a human (money arrived but
// something is off), with a link to the order in the admin.
import { Heading, Text } from "@react-email/components";
import type { MailOrder } from "../order-for-mail";
import { formatCents } from "../../money";
import { chainName } from "../../qbitflow/chain-name";
import { MailButton, MailLayout, mailColors } from "./mail-layout";
import { OrderLines } from "./order-lines";

export type MerchantNotice = "paid" | "review";

export function merchantSubject(order: MailOrder, notice: MerchantNotice): string {
  if (notice === "review" || order.needsReview) return `Needs review: order ${order.code}`;
  return `Paid: order ${order.code}, ${formatCents(order.totalCents)}`;
}

export function MerchantEmail({
  order,
  notice,
  reason,
}: {
  order: MailOrder;
  notice: MerchantNotice;
  reason?: string;
}) {
  const review = order.needsReview ? (reason ?? order.reviewReason) : notice === "review" ? reason : null;
  return (
    <MailLayout preview={merchantSubject(order, notice)}>
      <Heading as="h1" style={{ fontSize: 22 }}>
        {notice === "paid" ? `Order ${order.code} is paid` : `Order ${order.code} needs review`}
      </Heading>
      {review ? (
        <Text style={{ color: mailColors.warn, fontWeight: 600 }}>Needs review: {review}</Text>
      ) : null}
      <OrderLines order={order} />
      <Text>
        Customer: {order.email ?? "no email given"}. Paid:{" "}
        {order.amountPaidUsd ? `$${order.amountPaidUsd}` : "nothing yet"}
        {order.currencySymbol ? ` in ${order.currencySymbol}` : ""}
        {order.chain ? ` on ${chainName(order.chain)}` : ""}.
      </Text>
      {order.txHash ? (
        <Text style={{ fontSize: 13, wordBreak: "break-all" }}>Transaction: {order.txHash}</Text>
      ) : null}
      <Text>
        <MailButton href={order.adminUrl}>Open in the admin</MailButton>
      </Text>
    </MailLayout>
  );
}
