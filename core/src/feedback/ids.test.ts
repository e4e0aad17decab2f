import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feedbackIdFor, stableId } from './ids.ts';

/** FNV-1a 64 as its definition reads, in BigInt: what every id already stored was made with. */
const referenceFnv1a64 = (input: string, offset: bigint): string => {
  let hash = offset;
  for (const byte of new TextEncoder().encode(input)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
};

const referenceStableId = (prefix: string, ...parts: readonly string[]): string => {
  const joined = parts.map((p) => `${String(p.length)}:${p}`).join('|');
  return `${prefix}-${referenceFnv1a64(joined, 0xcbf29ce484222325n)}${referenceFnv1a64(joined, 0x84222325cbf29ce4n)}`;
};

describe('stable ids', () => {
  it('are the ids already stored: a resent activity or a rerun job finds its record', () => {
    expect(feedbackIdFor('77777777-7777-4777-8777-777777777777', '1:f00d')).toBe('fb-c6bc6b5e6235037d37fffebbe2112058');
    expect(stableId('emp', 'tenant', 'Zoë Ångström ✓')).toBe('emp-5685693e9f10e4fe2e6626d46e0b8b01');
    expect(stableId('x')).toBe('x-cbf29ce48422232584222325cbf29ce4');
  });

  it('match 64-bit FNV-1a for any parts, whatever their characters and length', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 120 }), { maxLength: 4 }), (parts) => {
        expect(stableId('p', ...parts)).toBe(referenceStableId('p', ...parts));
      }),
      { numRuns: 200 },
    );
  });
});
