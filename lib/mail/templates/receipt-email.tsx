// The customer's receipt, sent once an order is paid: what they bought, what they paid, in what
// currency on which chain, the transaction (linked to its explorer) and their order page.
import { Heading, Link, Text } from "@react-email/components";
import type { MailOrder } from "../order-for-mail";
import { chainName } from "../../qbitflow/chain-name";
import { storeConfig } from "../../store-config";
import { MailButton, MailLayout, mailColors } from "./mail-layout";
import { OrderLines } from "./order-lines";

export function receiptSubject(order: Pick<MailOrder, "code">): string {
  return `Your receipt from ${storeConfig.name} (order ${order.code})`;
}

export function ReceiptEmail({ order }: { order: MailOrder }) {
  const paid = order.amountPaidUsd ? `$${Number(order.amountPaidUsd).toFixed(2)}` : "the total";
  const currency = order.currencySymbol ?? "crypto";
  const chain = order.chain ? ` on ${chainName(order.chain)}` : "";
  return (
    <MailLayout preview={`Payment received for order ${order.code}. Thank you!`}>
      <Heading as="h1" style={{ fontSize: 22 }}>
        Thank you, your payment arrived
      </Heading>
      <Text>
        Order <strong>{order.code}</strong> is paid. {storeConfig.shippingNote}
      </Text>
      <OrderLines order={order} />
      <Text>
        Paid: {paid} in {currency}
        {chain}
        {order.paidAt ? `, ${order.paidAt.toUTCString()}` : ""}.
      </Text>
      {order.txHash ? (
        <Text style={{ color: mailColors.muted, fontSize: 13, wordBreak: "break-all" }}>
          Transaction:{" "}
          {order.explorerUrl ? <Link href={order.explorerUrl}>{order.txHash}</Link> : order.txHash}
        </Text>
      ) : null}
      <Text>
        <MailButton href={order.orderUrl}>View your order</MailButton>
      </Text>
    </MailLayout>
  );
}
