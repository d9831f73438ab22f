/**
 * The few hast (HTML syntax tree) fields the handbook's rehype plugins read
 * and write; the full types live in @types/hast, which is not a dependency of
 * this package.
 */
export interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}
