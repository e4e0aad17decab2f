/**
 * Deterministic ids: the same input always gives the same id, so a replayed
 * activity or a restarted job creates nothing new. Two independent 64-bit
 * FNV-1a passes give a 128-bit hex digest that is safe as a Cosmos id.
 */
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

const fnv1a64 = (input: string, offset: bigint): string => {
  let hash = offset;
  for (const byte of new TextEncoder().encode(input)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK;
  }
  return hash.toString(16).padStart(16, '0');
};

export const stableId = (prefix: string, ...parts: readonly string[]): string => {
  // Length-prefixing keeps ("ab","c") and ("a","bc") apart.
  const joined = parts.map((p) => `${String(p.length)}:${p}`).join('|');
  return `${prefix}-${fnv1a64(joined, 0xcbf29ce484222325n)}${fnv1a64(joined, 0x84222325cbf29ce4n)}`;
};

/** One feedback entry per Teams activity: a resent activity maps to the same id. */
export const feedbackIdFor = (tenantId: string, activityId: string): string => stableId('fb', tenantId, activityId);
