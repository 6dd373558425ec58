// `GET /me` (spec §1.2): what the API key is. The start-up check that a test key is not
// configured in a live shop (and the reverse) reads `test` from here.
import { z } from "zod";
import { optionalText, unused } from "./wire-values";

export interface Me {
  /**
   * The key's mode (`space.test`). Null only if QBitFlow answered without a space, which the spec
   * allows: then the mode is unknown, and guessing it from the key's text is not a contract.
   */
  test: boolean | null;
  /** "apiKey" for the keys this starter uses; "" when not sent. */
  credential: string;
  role: string | null;
  apiKeyUuid: string | null;
  spaceUuid: string | null;
  organizationName: string | null;
}

// Only `space.test` is read (null when absent: the mode is then unknown); nothing is required.
export const meSchema = z
  .object({
    credential: unused(z.string(), ""),
    role: unused(optionalText, null),
    apiKeyUuid: unused(optionalText, null),
    space: z
      .object({
        uuid: unused(optionalText, null),
        organizationName: unused(optionalText, null),
        test: z.boolean().nullish(),
      })
      .nullish(),
  })
  .transform((wire): Me => ({
    test: wire.space?.test ?? null,
    credential: wire.credential,
    role: wire.role,
    apiKeyUuid: wire.apiKeyUuid,
    spaceUuid: wire.space?.uuid ?? null,
    organizationName: wire.space?.organizationName ?? null,
  }));
