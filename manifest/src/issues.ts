/** One reason a manifest or package would be refused, phrased for the person fixing it. */
export interface Issue {
  readonly rule: string;
  /** JSON pointer into manifest.json, or the file name inside the package. */
  readonly path: string;
  readonly message: string;
}

export const formatIssues = (issues: readonly Issue[]): string =>
  issues.map((i) => `  ✗ [${i.rule}] ${i.path}: ${i.message}`).join('\n');
