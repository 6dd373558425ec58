// The two refund emails: the customer's notice once the refund was sent (amount, percent, the
// merchant's message), and the merchant's notice when a customer asks for one (to answer it in
// QBitFlow's dashboard, where the transfer is signed or denied).
import { Heading, Link, Text } from "@react-email/components";
import type { MailOrder } from "../order-for-mail";
import { storeConfig } from "../../store-config";
import { MailButton, MailLayout } from "./mail-layout";
import { OrderLines } from "./order-lines";

function sentBack(refund: MailOrder["refund"]): string {
  const amount = refund.amountUsd ? `$${Number(refund.amountUsd).toFixed(2)}` : "Your refund";
  return refund.percent ? `${amount} (${Number(refund.percent)}% of your payment)` : amount;
}

export function refundNoticeSubject(order: Pick<MailOrder, "code">): string {
  return `Your refund for order ${order.code} at ${storeConfig.name} was sent`;
}

export function RefundNoticeEmail({ order }: { order: MailOrder }) {
  const { refund } = order;
  return (
    <MailLayout preview={`${sentBack(refund)} was sent back for order ${order.code}.`}>
      <Heading as="h1" style={{ fontSize: 22 }}>
        Your refund was sent
      </Heading>
      <Text>
        {sentBack(refund)} for order <strong>{order.code}</strong> was sent back to the wallet you paid from.
      </Text>
      {refund.merchantMessage ? (
        <Text>
          Message from {storeConfig.name}: “{refund.merchantMessage}”
        </Text>
      ) : null}
      {refund.txHash ? (
        <Text>
          Refund transaction:{" "}
          {refund.explorerUrl ? <Link href={refund.explorerUrl}>{refund.txHash}</Link> : refund.txHash}
        </Text>
      ) : null}
      <OrderLines order={order} />
      <Text>
        <MailButton href={order.orderUrl}>See your order</MailButton>
      </Text>
    </MailLayout>
  );
}

export function refundRequestSubject(order: Pick<MailOrder, "code">): string {
  return `Refund requested: order ${order.code}`;
}

export function RefundRequestEmail({ order, dashboardUrl }: { order: MailOrder; dashboardUrl: string }) {
  const { refund } = order;
  return (
    <MailLayout preview={refundRequestSubject(order)}>
      <Heading as="h1" style={{ fontSize: 22 }}>
        A customer asked for a refund of order {order.code}
      </Heading>
      <Text>
        {order.email ?? "The customer"} asked for {refund.percent ? `${Number(refund.percent)}%` : "a refund"}
        {refund.amountUsd ? ` ($${Number(refund.amountUsd).toFixed(2)})` : ""}
        {refund.reason ? `: “${refund.reason}”` : "."}
      </Text>
      <Text>
        No money moves until you answer it in QBitFlow&apos;s dashboard: sign the transfer to send the refund,
        or deny it. <Link href={dashboardUrl}>Open QBitFlow&apos;s dashboard</Link>.
      </Text>
      <OrderLines order={order} />
      <Text>
        <MailButton href={order.adminUrl}>Open the order</MailButton>
      </Text>
    </MailLayout>
  );
}
