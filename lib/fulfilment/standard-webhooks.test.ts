import { describe, expect, it } from "vitest";
import { standardWebhookHeaders } from "./standard-webhooks";

describe("standardWebhookHeaders", () => {
  // The example of the Standard Webhooks specification's reference libraries.
  it("signs the specification's test vector", () => {
    const headers = standardWebhookHeaders(
      "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
      "msg_p5jXN8AQM9LWM0D4loKWxJek",
      '{"test": 2432232314}',
      1614265330,
    );
    expect(headers).toEqual({
      "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
      "webhook-timestamp": "1614265330",
      "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    });
  });

  it("refuses a secret that is not whsec_", () => {
    expect(() => standardWebhookHeaders("secret", "id", "{}")).toThrow("starts with whsec_");
  });
});
