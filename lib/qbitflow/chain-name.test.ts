import { describe, expect, it } from "vitest";
import { chainName } from "./chain-name";

describe("chainName", () => {
  it("reads QBitFlow's chain codes as people say them", () => {
    expect(chainName("ETH")).toBe("Ethereum");
    expect(chainName("BASE")).toBe("Base");
    expect(chainName("SOL")).toBe("Solana");
  });

  it("accepts the spelled-out names in any case", () => {
    expect(chainName("ethereum")).toBe("Ethereum");
    expect(chainName("Solana")).toBe("Solana");
    expect(chainName(" base ")).toBe("Base");
  });

  it("keeps a chain it does not know as sent", () => {
    expect(chainName("POLYGON")).toBe("POLYGON");
  });
});
