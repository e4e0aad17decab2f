import { PNG } from 'pngjs';
import type { Issue } from './issues.ts';

export const COLOR_SIZE = 192;
export const OUTLINE_SIZE = 32;
export const ADDIN_ICON_SIZES = [16, 32, 80] as const;

const ACCENT = [0x1f, 0x5c, 0x99] as const;

/** Two overlapping speech bubbles, in a unit square: the mark of a conversation between two people. */
const inBubble = (x: number, y: number, cx: number, cy: number, r: number, tailDx: number): boolean => {
  const inCircle = (x - cx) ** 2 + ((y - cy) * 1.25) ** 2 <= r * r;
  const tx = x - (cx + tailDx * r * 0.55);
  const inTail = y > cy && y < cy + r * 0.95 && Math.abs(tx) < (cy + r * 0.95 - y) * 0.45;
  return inCircle || inTail;
};
const mark = (x: number, y: number, grow = 0): boolean =>
  inBubble(x, y, 0.4, 0.4, 0.27 + grow, -1) || inBubble(x, y, 0.62, 0.58, 0.22 + grow, 1);

type Painter = (x: number, y: number) => readonly [number, number, number, number];

const render = (size: number, paint: Painter): Buffer => {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const [r, g, b, a] = paint((px + 0.5) / size, (py + 0.5) / size);
      const i = (py * size + px) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = a;
    }
  }
  return PNG.sync.write(png);
};

const WHITE = [255, 255, 255, 255] as const;
const CLEAR = [0, 0, 0, 0] as const;

/** Full-colour icon: white mark on the accent colour, filling the square as the store expects. */
export const colorIcon = (size: number = COLOR_SIZE): Buffer =>
  render(size, (x, y) => (mark(x, y) ? WHITE : [ACCENT[0], ACCENT[1], ACCENT[2], 255]));

/** Outline icon: the mark's border in white on a transparent background. */
export const outlineIcon = (size: number = OUTLINE_SIZE): Buffer => {
  const stroke = 1.6 / size;
  return render(size, (x, y) => (mark(x, y, stroke) && !mark(x, y, -stroke) ? WHITE : CLEAR));
};

export interface PngFacts {
  readonly width: number;
  readonly height: number;
  /** Pixels with any transparency. */
  readonly transparentPixels: number;
  /** Visible pixels that are not pure white. */
  readonly nonWhiteVisiblePixels: number;
}

export const inspectPng = (bytes: Buffer): PngFacts => {
  const png = PNG.sync.read(bytes);
  let transparentPixels = 0;
  let nonWhiteVisiblePixels = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const alpha = png.data[i + 3] ?? 255;
    if (alpha < 255) transparentPixels++;
    const white = png.data[i] === 255 && png.data[i + 1] === 255 && png.data[i + 2] === 255;
    if (alpha > 0 && !white) nonWhiteVisiblePixels++;
  }
  return { width: png.width, height: png.height, transparentPixels, nonWhiteVisiblePixels };
};

const readable = (file: string, bytes: Buffer): PngFacts | Issue => {
  try {
    return inspectPng(bytes);
  } catch (cause) {
    return { rule: 'icon-format', path: file, message: `is not a readable PNG (${String(cause)})` };
  }
};
const isIssue = (x: PngFacts | Issue): x is Issue => 'rule' in x;

/** Store rules for the two package icons: colour 192×192; outline 32×32, transparent background, white only. */
export const checkIcons = (files: { color: [string, Buffer]; outline: [string, Buffer] }): Issue[] => {
  const issues: Issue[] = [];
  const color = readable(...files.color);
  const outline = readable(...files.outline);
  if (isIssue(color)) issues.push(color);
  else if (color.width !== COLOR_SIZE || color.height !== COLOR_SIZE)
    issues.push({
      rule: 'icon-size',
      path: files.color[0],
      message: `must be ${COLOR_SIZE}×${COLOR_SIZE} pixels, is ${color.width}×${color.height}`,
    });
  if (isIssue(outline)) return [...issues, outline];
  const [name] = files.outline;
  if (outline.width !== OUTLINE_SIZE || outline.height !== OUTLINE_SIZE)
    issues.push({
      rule: 'icon-size',
      path: name,
      message: `must be ${OUTLINE_SIZE}×${OUTLINE_SIZE} pixels, is ${outline.width}×${outline.height}`,
    });
  if (outline.transparentPixels === 0)
    issues.push({ rule: 'outline-transparency', path: name, message: 'must have a transparent background' });
  if (outline.nonWhiteVisiblePixels > 0)
    issues.push({
      rule: 'outline-white',
      path: name,
      message: `must be white only; ${outline.nonWhiteVisiblePixels} visible pixels are another colour`,
    });
  return issues;
};
