/** The parsed shape of a Bicep file: declarations whose values are literals or opaque expressions. */
export type Node =
  | {
      readonly kind: 'object';
      readonly entries: readonly (readonly [string, Node])[];
      readonly keyRefs: readonly string[];
      readonly line: number;
    }
  | { readonly kind: 'array'; readonly items: readonly Node[]; readonly line: number }
  | {
      readonly kind: 'string';
      readonly value: string | undefined;
      readonly raw: string;
      readonly holes: readonly string[];
      readonly line: number;
    }
  | { readonly kind: 'number'; readonly value: number; readonly line: number }
  | { readonly kind: 'bool'; readonly value: boolean; readonly line: number }
  | { readonly kind: 'null'; readonly line: number }
  | {
      readonly kind: 'for';
      readonly variables: readonly string[];
      readonly source: Node;
      readonly body: Node;
      readonly line: number;
    }
  | { readonly kind: 'if'; readonly condition: Node; readonly body: Node; readonly line: number }
  /** Any other expression, kept as source text with the symbols it refers to. */
  | { readonly kind: 'expr'; readonly text: string; readonly refs: readonly string[]; readonly line: number };

export interface Decorator {
  readonly name: string;
  readonly args: readonly Node[];
}

export type Declaration =
  | {
      readonly kind: 'param';
      readonly name: string;
      readonly type: string;
      readonly value?: Node;
      readonly decorators: readonly Decorator[];
      readonly line: number;
    }
  | { readonly kind: 'var'; readonly name: string; readonly value: Node; readonly line: number }
  | {
      readonly kind: 'resource';
      readonly name: string;
      readonly type: string;
      readonly existing: boolean;
      readonly value: Node;
      readonly line: number;
    }
  | {
      readonly kind: 'module';
      readonly name: string;
      readonly path: string;
      readonly value: Node;
      readonly line: number;
    }
  | {
      readonly kind: 'output';
      readonly name: string;
      readonly type: string;
      readonly value: Node;
      readonly decorators: readonly Decorator[];
      readonly line: number;
    }
  | { readonly kind: 'targetScope'; readonly value: Node; readonly line: number }
  | { readonly kind: 'using'; readonly path: string; readonly line: number };

export interface BicepFile {
  readonly path: string;
  readonly declarations: readonly Declaration[];
}

/** The value at a dotted path through object literals, e.g. `properties.siteConfig.alwaysOn`. */
export const at = (node: Node | undefined, path: string): Node | undefined => {
  let current = node;
  for (const key of path.split('.')) {
    if (current?.kind === 'if' || current?.kind === 'for') current = current.body;
    if (current?.kind !== 'object') return undefined;
    current = current.entries.find(([k]) => k === key)?.[1];
  }
  return current;
};

/** A literal's plain value (string, number, bool, null, arrays and objects of those); undefined for expressions. */
export const literal = (node: Node | undefined): unknown => {
  switch (node?.kind) {
    case 'string':
      return node.value;
    case 'number':
    case 'bool':
      return node.value;
    case 'null':
      return null;
    case 'array':
      return node.items.map(literal);
    case 'object':
      return Object.fromEntries(node.entries.map(([k, v]) => [k, literal(v)]));
    default:
      return undefined;
  }
};

/** The source text of a node, for expressions that are not literals. */
export const sourceOf = (node: Node | undefined): string | undefined => {
  if (node?.kind === 'expr') return node.text;
  if (node?.kind === 'string') return node.value ?? node.raw;
  return undefined;
};
