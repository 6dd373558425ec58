/** Spec §9.1 test vectors, against the sandbox's signer/verifier and an independent verifier. */
import { describe, expect, it } from "vitest";
import { independentVerify } from "./test/independent-verify";
import { computeSignature, signatureHeader } from "./webhooks/signature";
import { verifySignature } from "./webhooks/verify";

const BODY =
  '{"createdAt":"2026-10-01T12:00:00Z","data":{},"id":"evt_3f1c2d4e-5a6b-5c7d-8e9f-0a1b2c3d4e5f","test":false,"type":"webhook.test","version":"v2"}';
const T = 1790856000;
const NEW = "whsec_new_secret";
const NEW_SIG = "4a158046f55556e922bdec376a917c3ac338ba575b495f825427541a60bd2f4d";
const OLD_SIG = "1cc78a6297ad96dd282d9d0399def50ed42a4e651885ac79f8528194227bc4f5";
const ROTATION = `t=${T},v1=${NEW_SIG},v1=${OLD_SIG}`;

/** Runs a case through both verifiers: they must agree with the expected outcome. */
function both(body: string | Buffer, header: string, secret: string, now: number, tolerance?: number) {
  const independent = independentVerify(body, header, secret, now, tolerance);
  const result = verifySignature(body, header, [secret], now, tolerance);
  const sandbox = result.ok ? "ok" : result.reason;
  expect(sandbox, `sandbox verifier for ${header}`).toBe(independent);
  return independent;
}

describe("signing (spec §9.1)", () => {
  it("signs the common body with the whole whsec_ secret", () => {
    expect(computeSignature(NEW, String(T), BODY)).toBe(NEW_SIG);
    expect(computeSignature("whsec_old_secret", String(T), BODY)).toBe(OLD_SIG);
    expect(signatureHeader(String(T), [NEW_SIG, OLD_SIG])).toBe(ROTATION);
  });

  it("matches the unicode, empty, CRLF and invalid UTF-8 vectors", () => {
    expect(computeSignature("whsec_ünïcødé_☕", String(T), BODY)).toBe(
      "d5fbe0d078c1d121b14d9645ac48e0c501246cb52d592627267f62f051dbad31",
    );
    const nfc = '{"data":{"message":"Café ☕ 😀 — naïve"},"type":"webhook.test","version":"v2"}'.normalize(
      "NFC",
    );
    expect(computeSignature(NEW, String(T), nfc)).toBe(
      "2ff63696c81ff91ce3711962b3992f0d68d7c40d685acdac17146dbd22958bc2",
    );
    expect(computeSignature(NEW, String(T), nfc.normalize("NFD"))).not.toBe(
      "2ff63696c81ff91ce3711962b3992f0d68d7c40d685acdac17146dbd22958bc2",
    );
    expect(computeSignature(NEW, String(T), "")).toBe(
      "db4a879bd30abf8bbe36dbdf418500d77c12c427c1c33f585a2391722402e91d",
    );
    expect(computeSignature(NEW, String(T), '{"a":1}\r\n{"b":2}\r\n')).toBe(
      "1b06fc6810103a18ce6f013c0b3cc959d77d180cb0c0efcb7eb046ccc7f54b58",
    );
    expect(computeSignature(NEW, String(T), Buffer.from("//4Ae4B9ww==", "base64"))).toBe(
      "dd787bebf95f3c9b43d9d13267dac2cb630ebbe028d7391ec3f7fe3186ed1d2c",
    );
    expect(computeSignature(NEW, "0001790856000", BODY)).toBe(
      "8f7970ffeec933a2a5a6d887c045947b34220f542146454733ebc9880904e2dc",
    );
  });
});

describe("verification (spec §9.1), sandbox and independent verifier agree", () => {
  it("accepts either secret during a rotation and rejects others", () => {
    expect(both(BODY, ROTATION, NEW, T + 60)).toBe("ok");
    expect(both(BODY, ROTATION, "whsec_old_secret", T + 60)).toBe("ok");
    expect(both(BODY, ROTATION, "whsec_other_secret", T + 60)).toBe("noMatchingSignature");
    expect(both(BODY, ROTATION, NEW, T + 360)).toBe("timestampOutsideTolerance");
    expect(both(BODY, ROTATION, NEW, T - 60)).toBe("ok");
    expect(both(BODY, ROTATION, NEW, T - 360)).toBe("timestampOutsideTolerance");
  });

  it("applies the 300 s tolerance inclusively, in both directions", () => {
    const header = `t=${T},v1=${NEW_SIG}`;
    expect(both(BODY, header, NEW, T + 300)).toBe("ok");
    expect(both(BODY, header, NEW, T + 301)).toBe("timestampOutsideTolerance");
    expect(both(BODY, header, NEW, T - 300)).toBe("ok");
    expect(both(BODY, header, NEW, T - 301)).toBe("timestampOutsideTolerance");
    expect(both(BODY, header, NEW, T + 301, 0)).toBe("timestampOutsideTolerance");
    expect(both(BODY, header, NEW, T + 300, -5)).toBe("ok");
  });

  it("keeps leading zeros of t and the whsec_ prefix in the key", () => {
    expect(
      both(
        BODY,
        "t=0001790856000,v1=8f7970ffeec933a2a5a6d887c045947b34220f542146454733ebc9880904e2dc",
        NEW,
        T,
      ),
    ).toBe("ok");
    expect(both(BODY, `t=0001790856000,v1=${NEW_SIG}`, NEW, T)).toBe("noMatchingSignature");
    expect(both(BODY, `t=${T},v1=${NEW_SIG}`, "new_secret", T)).toBe("noMatchingSignature");
    expect(both(`${BODY}\n`, `t=${T},v1=${NEW_SIG}`, NEW, T)).toBe("noMatchingSignature");
    expect(both(BODY.replaceAll(":", ": ").replaceAll(",", ", "), `t=${T},v1=${NEW_SIG}`, NEW, T)).toBe(
      "noMatchingSignature",
    );
  });

  it.each([
    [`v1=${NEW_SIG},t=${T}`, "ok"],
    [` t = ${T} , v1 = ${NEW_SIG} `, "ok"],
    [`t=${T},v0=abc,v2=def,v1=${NEW_SIG}`, "ok"],
    [`t=${T},garbage,v1=${NEW_SIG}`, "ok"],
    [`t=${T},v1=${NEW_SIG},`, "ok"],
    [`t=${T},v1=,v1=${NEW_SIG}`, "ok"],
    [`t=${T},v1=${OLD_SIG},v1=${"0".repeat(64)},v1=${NEW_SIG}`, "ok"],
    [`t=${T},v0=${NEW_SIG}`, "malformedHeader"],
    [`t=${T},t=${T},v1=${NEW_SIG}`, "malformedHeader"],
    [`t=${T},t=${T + 1},v1=${NEW_SIG}`, "malformedHeader"],
    [`t=+${T},v1=${NEW_SIG}`, "malformedHeader"],
    [`t=-${T},v1=${NEW_SIG}`, "malformedHeader"],
    [`t=${T}.0,v1=${NEW_SIG}`, "malformedHeader"],
    [`t=1790 856000,v1=${NEW_SIG}`, "malformedHeader"],
    [`t=,v1=${NEW_SIG}`, "malformedHeader"],
    [`t=abc,v1=${NEW_SIG}`, "malformedHeader"],
    [`t=99999999999999999999,v1=${NEW_SIG}`, "malformedHeader"],
    [`T=${T},v1=${NEW_SIG}`, "malformedHeader"],
    [`t=${T},V1=${NEW_SIG}`, "malformedHeader"],
    [`v1=${NEW_SIG}`, "malformedHeader"],
    [`t=${T}`, "malformedHeader"],
    [`t=${T};v1=${NEW_SIG}`, "malformedHeader"],
    [`sha256=${NEW_SIG}`, "malformedHeader"],
    ["", "missingHeader"],
    ["   ", "missingHeader"],
    [`t=${T},v1=`, "noMatchingSignature"],
    [`t=${T},v1=${NEW_SIG.toUpperCase()}`, "noMatchingSignature"],
    [`t=${T},v1=${NEW_SIG.slice(1)}`, "noMatchingSignature"],
    [`t=${T},v1=${NEW_SIG}=x`, "noMatchingSignature"],
    [`t=${T + 1},v1=${NEW_SIG}`, "noMatchingSignature"],
  ])("header %s → %s", (header, expected) => {
    expect(
      both(BODY, header, NEW, header.includes(String(T + 1)) && !header.includes(`t=${T},`) ? T + 1 : T),
    ).toBe(expected);
  });

  it("refuses an empty secret before looking at the header", () => {
    expect(() => independentVerify(BODY, "", "", T)).toThrow();
  });
});
