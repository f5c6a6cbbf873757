import { isAlias, isMap, isSeq, type Document } from 'yaml';

/**
 * What the YAML library would throw on (or hand on) when it turns a parsed document into values:
 * an alias with no anchor above it, an alias inside the node it names (a value that contains itself),
 * aliases that multiply the document (an "alias bomb": each level of aliases to aliases multiplies
 * the values a reader walks), and nesting deep enough to exhaust the readers that walk the value.
 * Checked on the parsed document, where every node knows its place in the file.
 */
export interface YamlStructureProblem {
  readonly offset: number;
  readonly en: string;
  readonly zh: string;
}

/** Values that aliases may add to a document beyond what it writes out itself (and beyond this many). */
export const MAX_ALIAS_VALUES = 1_000_000;

class Found extends Error {
  constructor(readonly problem: YamlStructureProblem) {
    super(problem.en);
  }
}

/** The first problem in document order, or undefined. `maxDepth` bounds the nesting (and this walk's recursion). */
export function yamlStructureProblem(document: Document.Parsed, maxDepth: number): YamlStructureProblem | undefined {
  // The latest node of each anchor name so far; its size (values once aliases are expanded) once walked.
  const anchors = new Map<string, unknown>();
  const sizes = new Map<unknown, number>();
  let written = 0;
  let added = 0;
  const offsetOf = (node: unknown): number => (node as { range?: readonly number[] }).range?.[0] ?? 0;

  const walk = (node: unknown, depth: number): number => {
    if (isAlias(node)) {
      const name = node.source;
      const target = anchors.get(name);
      if (target === undefined) {
        throw new Found({ offset: offsetOf(node), en: `the alias *${name} has no anchor &${name} above it`, zh: `别名 *${name} 之前没有锚点 &${name}` });
      }
      const size = sizes.get(target);
      if (size === undefined) {
        throw new Found({ offset: offsetOf(node), en: `the alias *${name} is inside the value &${name} it names (a value that contains itself)`, zh: `别名 *${name} 位于其所指的值 &${name} 之内（值包含自身）` });
      }
      added += size;
      if (added > MAX_ALIAS_VALUES && added > written) {
        throw new Found({
          offset: offsetOf(node),
          en: `aliases expand the document by more than ${MAX_ALIAS_VALUES.toLocaleString('en')} values (aliases of aliases multiply it): write the values out`,
          zh: `别名使文件展开后增加超过 ${MAX_ALIAS_VALUES.toLocaleString('en')} 个值（别名嵌套别名会成倍放大）：请直接写出各值`,
        });
      }
      return size;
    }
    if (node === null || typeof node !== 'object') return 1;
    if (depth > maxDepth) throw new Found({ offset: offsetOf(node), en: `nested more than ${maxDepth} levels deep`, zh: `嵌套超过 ${maxDepth} 层` });
    written++;
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) anchors.set(anchor, node);
    let size = 1;
    if (isMap(node)) for (const pair of node.items) size += walk(pair.key, depth + 1) + walk(pair.value, depth + 1);
    else if (isSeq(node)) for (const item of node.items) size += walk(item, depth + 1);
    if (anchor) sizes.set(node, size);
    return size;
  };

  try {
    walk(document.contents, 0);
  } catch (error) {
    if (error instanceof Found) return error.problem;
    throw error;
  }
  return undefined;
}
