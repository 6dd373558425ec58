// QBitFlow's test mode (a test API key) refuses a checkout whose total is above 5 USD, fees
// included (400 validation_failed with details.max; /work/shared/qbitflow-api.md §2, §6). The cart
// shows it before Pay. Pure and browser-safe: a published limit, not a secret.
export const TEST_MODE_MAX_TOTAL_CENTS = 500;
