/**
 * Text as a person reads it: compatibility forms folded (NFKC), invisible format characters
 * (zero-width spaces and joiners, bidi marks, soft hyphens) removed, runs of white space as one.
 * A stated reason or a required answer is judged by this, not by its raw length.
 */
export const visibleText = (text: string): string =>
  text
    .normalize('NFKC')
    // A zero-width joiner stays only where it joins two pictographs into one emoji.
    .replace(/\u200D(?!\p{Extended_Pictographic})|(?<!\p{Extended_Pictographic}\p{Emoji_Modifier}?)\u200D/gu, '')
    .replace(/[^\P{Cf}\u200D]/gu, '')
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();

const graphemes = new Intl.Segmenter('en-GB', { granularity: 'grapheme' });

/** How many characters a reader actually sees (a composed emoji or accented letter counts once). */
export const visibleLength = (text: string): number => Array.from(graphemes.segment(visibleText(text))).length;
