/**
 * Deterministic ids: the same input always gives the same id, so a replayed
 * activity or a restarted job creates nothing new. Two independent 64-bit
 * FNV-1a passes give a 128-bit hex digest that is safe as a Cosmos id.
 *
 * The 64-bit arithmetic runs on two 32-bit halves in plain numbers: every bot
 * turn and every synced person makes ids, and BigInt steps allocate per byte.
 */
const TWO_32 = 0x1_0000_0000;
/** The FNV prime 2^40 + 0x1b3: multiplying is `h * 0x1b3 + (h << 40)`. */
const PRIME_LOW = 0x1b3;

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

const fnv1a64 = (bytes: Uint8Array, offsetHigh: number, offsetLow: number): string => {
  let high = offsetHigh;
  let low = offsetLow;
  for (const byte of bytes) {
    low = (low ^ byte) >>> 0;
    const lowProduct = low * PRIME_LOW; // below 2^41: exact in a double
    const carry = Math.floor(lowProduct / TWO_32);
    high = (high * PRIME_LOW + carry + ((low << 8) >>> 0)) >>> 0;
    low = lowProduct >>> 0;
  }
  return hex8(high) + hex8(low);
};

const encoder = new TextEncoder();

export const stableId = (prefix: string, ...parts: readonly string[]): string => {
  // Length-prefixing keeps ("ab","c") and ("a","bc") apart.
  const bytes = encoder.encode(parts.map((p) => `${String(p.length)}:${p}`).join('|'));
  return `${prefix}-${fnv1a64(bytes, 0xcbf29ce4, 0x84222325)}${fnv1a64(bytes, 0x84222325, 0xcbf29ce4)}`;
};

/** One feedback entry per Teams activity: a resent activity maps to the same id. */
export const feedbackIdFor = (tenantId: string, activityId: string): string => stableId('fb', tenantId, activityId);
