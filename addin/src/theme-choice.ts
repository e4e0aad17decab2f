/** Which Fluent theme the task pane wears: pure, so it is tested without a DOM. */

/** The parts of Office.context.officeTheme we read; absent outside Office and in some hosts. */
export interface OfficeThemeColours {
  readonly bodyBackgroundColor?: string;
}

/** Relative luminance (WCAG) of a #rrggbb colour; undefined for anything else. */
const luminance = (hex: string): number | undefined => {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (m === null) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((part) => {
    const c = Number.parseInt(part ?? '0', 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

/** Dark when Office's body background is dark; otherwise the browser's preference decides. */
export const prefersDark = (office: OfficeThemeColours | undefined, browserPrefersDark: boolean): boolean => {
  const l = office?.bodyBackgroundColor === undefined ? undefined : luminance(office.bodyBackgroundColor);
  return l === undefined ? browserPrefersDark : l < 0.4;
};
