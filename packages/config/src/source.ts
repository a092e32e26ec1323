/**
 * A parsed source file that remembers where every value came from.
 *
 * Layer: configurator (host). Interface: `SourceFile` (`parseSource`, `at`, `locate`).
 * Invariant: paths are JSON-pointer segments (as ajv's instancePath); a path that does not exist
 * in the document locates to its deepest existing ancestor, so every problem gets a position.
 * package.json files are parsed the same way (JSON is YAML), so manifest errors get positions too.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import type { Diagnostic, Position } from "./diagnostic.js";

/** Hints for the YAML parser's error codes; its own messages say what is wrong well enough. */
const YAML_HINTS: Record<string, string> = {
  DUPLICATE_KEY: "keep one of them",
  BAD_INDENT: "indent nested keys by the same number of spaces, and close every { and [",
  TAB_AS_INDENT: "indent with spaces; YAML does not allow tabs",
  MULTIPLE_DOCS: "remove the --- separator: a configuration is one document",
  MISSING_CHAR: "add the missing character",
};

export interface SourceFile {
  file: string;
  /** The plain data (undefined for an empty document). */
  data: unknown;
  /** Syntax errors; `data` is meaningless when there are any. */
  errors: Diagnostic[];
  /** Position of the value at `path`, or of its key when `key` is set. */
  locate(path: readonly string[], key?: boolean): Position;
  /** A diagnostic at `path`. */
  at(path: readonly string[], message: string, hint?: string, key?: boolean): Diagnostic;
}

export function parseSource(file: string, text: string): SourceFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, keepSourceTokens: false });
  const position = (offset: number): Position => lineCounter.linePos(offset);
  const errors = doc.errors.map(
    (e): Diagnostic => ({
      file,
      ...position(e.pos[0]),
      message: syntaxMessage(e.code, e.message, text.slice(e.pos[0])),
      hint: YAML_HINTS[e.code] ?? "fix the YAML syntax here",
    }),
  );
  const locate = (path: readonly string[], key = false): Position => {
    const offset = offsetOf(doc.contents, path, key);
    return position(offset ?? 0);
  };
  return {
    file,
    data: errors.length === 0 ? (doc.toJS() ?? undefined) : undefined,
    errors,
    locate,
    at: (path, message, hint, key) => ({ file, ...locate(path, key), message, ...(hint ? { hint } : {}) }),
  };
}

/** Start offset of the node at `path` (or of its key), walking as far as the path exists. */
function offsetOf(root: unknown, path: readonly string[], key: boolean): number | undefined {
  let node = root as Node | null;
  let offset = node?.range?.[0];
  for (let i = 0; i < path.length; i++) {
    const step = childOf(node, path[i]);
    if (!step) break;
    const last = i === path.length - 1;
    offset =
      (last && key ? step.key?.range?.[0] : undefined) ?? step.value?.range?.[0] ?? step.key?.range?.[0];
    node = step.value;
  }
  return offset;
}

interface Step {
  key?: Node;
  value: Node | null;
}

function childOf(node: Node | null, segment: string): Step | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
    return pair ? { key: pair.key as Node, value: (pair.value as Node | null) ?? null } : undefined;
  }
  if (isSeq(node)) {
    const item = node.items[Number(segment)] as Node | undefined;
    return item ? { value: item } : undefined;
  }
  return undefined;
}

/**
 * The parser's message in the diagnostic's style; a duplicate key is named (`rest` starts at it),
 * and the message that speaks of the parser's own API is replaced.
 */
function syntaxMessage(code: string, message: string, rest: string): string {
  if (code === "MULTIPLE_DOCS") return "the file holds more than one YAML document";
  if (code === "DUPLICATE_KEY") {
    const key = /^["']?([^"':\n]*)/.exec(rest)?.[1].trim();
    return `the key "${key}" appears twice in one mapping`;
  }
  const first = message.split("\n")[0].replace(/\.$/, "");
  return first.charAt(0).toLowerCase() + first.slice(1);
}
