import type { SyntaxNode } from '@lezer/common';
import { createParseCache, deepFreeze } from './parseCache';

/**
 * Static reading of a `setup.py`: the keywords of its `setup(...)` call, as
 * far as they are Python literals. Nothing is executed. `@lezer/python` (the
 * CodeMirror Python grammar: pure JavaScript, error-tolerant, so it runs in
 * the browser too and reads Python 2 files as far as they go) gives the
 * syntax tree; this module only evaluates literals on it.
 *
 * What counts as statically readable: strings (implicit concatenation
 * included; f-strings only without replacements), numbers, `True`, `False`,
 * `None`, lists, tuples, sets, dicts, `dict(key=literal, ...)`, `+` between
 * two readable lists or strings, and a module-level name bound exactly once,
 * at the top level, to such a literal and never changed afterwards
 * (`REQUIRES = [...]`, no `REQUIRES.append(...)`, no `REQUIRES += ...`).
 * Everything else (other names, calls such as `open(...).read()` or
 * `find_packages()`, comprehensions) is reported as not statically readable,
 * with its source text, and never guessed.
 */

/** A Python literal as JSON-like data; dict keys become strings. */
export type PythonLiteral =
  | string
  | number
  | boolean
  | null
  | PythonLiteral[]
  | { [key: string]: PythonLiteral };

/** One keyword argument of `setup()`. */
export type SetupArgument =
  | { readable: true; value: PythonLiteral; line: number }
  | { readable: false; expression: string; line: number };

/** The `setup(...)` call of a setup.py. */
export interface SetupCall {
  /** 1-based line of the call. */
  line: number;
  /** The callee as written: `setup`, `setuptools.setup`, ... */
  callee: string;
  keywords: Record<string, SetupArgument>;
  /** `**kwargs` expressions: keywords that come from them cannot be known. */
  spread: string[];
}

/** What a static reading of setup.py found. */
export interface SetupPyReading {
  /** The `setup()` call, when there is one. */
  call?: SetupCall;
  /** The file does not parse cleanly (e.g. Python 2); the call was read as far as it goes. */
  syntaxError: boolean;
}

/** Thrown inside literal evaluation; turned into `{ readable: false }`. */
class NotLiteral extends Error {}

/** Modules whose `setup` function builds a distribution. */
const SETUP_MODULES = new Set(['setuptools', 'distutils.core']);

/** Readings kept across evaluations, by content. */
const readings = createParseCache<SetupPyReading>();

type PythonGrammar = typeof import('@lezer/python');
let grammar: PythonGrammar | undefined;

/**
 * The Python grammar, loaded on first use: building its parse tables takes
 * about 11 ms, a tenth of a CLI run, and most repositories have no
 * setup.py to read. (In the CLI's bundle a `require` stays lazy; an
 * `import` would run at start.)
 */
function pythonParser(): PythonGrammar['parser'] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  grammar ??= require('@lezer/python') as PythonGrammar;
  return grammar.parser;
}

/** Reads `setup(...)` keywords from the text of a setup.py, without running it. */
export function readSetupPy(text: string): SetupPyReading {
  const cached = readings.get(text);
  if (cached) return cached;
  const reading = deepFreeze(readUncached(text));
  readings.set(text, reading);
  return reading;
}

function readUncached(text: string): SetupPyReading {
  const tree = pythonParser().parse(text);
  const top = tree.topNode;
  const source = (node: SyntaxNode) => text.slice(node.from, node.to);
  let syntaxError = false;
  tree.iterate({
    enter: node => {
      if (node.type.isError) syntaxError = true;
    },
  });

  // Names `setup()` can be called by: imported from setuptools (or
  // distutils.core), or the modules themselves (`setuptools.setup`).
  const setupNames = new Set<string>();
  const moduleAliases = new Set<string>();
  // Module-level constants: each name's top-level bindings and any change.
  const bindings = new Map<string, SyntaxNode[]>();
  const changed = new Set<string>();

  for (let node = top.firstChild; node; node = node.nextSibling) {
    if (node.name === 'AssignStatement') {
      const targets = childrenBefore(node, 'AssignOp', true);
      const value = lastChild(node);
      for (const target of targets) {
        if (target.name === 'VariableName' && value) {
          const name = source(target);
          bindings.set(name, [...(bindings.get(name) ?? []), value]);
        } else if (target.name !== 'AssignOp') {
          // Tuple unpacking and the like: those names are not constants.
          collectNames(target, source).forEach(n => changed.add(n));
        }
      }
    }
  }
  walk(top, node => {
    switch (node.name) {
      case 'ImportStatement':
        readImport(node, source, setupNames, moduleAliases);
        return false;
      case 'UpdateStatement': {
        const target = node.firstChild;
        if (target?.name === 'VariableName') changed.add(source(target));
        return true;
      }
      case 'MemberExpression': {
        // REQUIRES.append(...), REQUIRES.extend(...): mutated after binding.
        const object = node.firstChild;
        if (object?.name === 'VariableName') changed.add(source(object));
        return true;
      }
      case 'AssignStatement':
      case 'ForStatement':
      case 'WithStatement':
      case 'FunctionDefinition':
      case 'ClassDefinition':
        if (node.parent?.name !== 'Script' || node.name !== 'AssignStatement') {
          // Bindings below the top level (in if/for/def/with/try) make a
          // top-level name conditional.
          let targets: SyntaxNode[] = [];
          if (node.name === 'AssignStatement') {
            targets = childrenBefore(node, 'AssignOp', true);
          } else if (node.name === 'ForStatement') {
            targets = childrenBefore(node, 'in', false);
          }
          for (const target of targets) {
            collectNames(target, source).forEach(n => changed.add(n));
          }
          if (node.name === 'WithStatement') {
            // `with open(...) as f:` binds f.
            for (let c = node.firstChild; c; c = c.nextSibling) {
              if (c.name === 'as' && c.nextSibling?.name === 'VariableName') {
                changed.add(source(c.nextSibling));
              }
            }
          }
        }
        return true;
      default:
        return true;
    }
  });
  const constants = new Map<string, SyntaxNode>();
  for (const [name, values] of bindings) {
    if (values.length === 1 && !changed.has(name)) {
      constants.set(name, values[0]);
    }
  }

  const call = findSetupCall(top, source, setupNames, moduleAliases);
  if (!call) {
    return { syntaxError };
  }
  const lineAt = (offset: number) => lineNumber(text, offset);
  const result: SetupCall = {
    line: lineAt(call.from),
    callee: source(call.firstChild!),
    keywords: {},
    spread: [],
  };
  const args = call.getChild('ArgList');
  for (const arg of splitArguments(args)) {
    if (arg.length >= 3 && arg[1].name === 'AssignOp') {
      const keyword = source(arg[0]);
      const expression = arg[2];
      result.keywords[keyword] = evaluateArgument(
        expression,
        source,
        constants,
        lineAt(arg[0].from),
      );
    } else if (arg[0]?.name === '**' && arg[1]) {
      result.spread.push(source(arg[1]));
    }
  }
  return { call: result, syntaxError };
}

function evaluateArgument(
  node: SyntaxNode,
  source: (node: SyntaxNode) => string,
  constants: Map<string, SyntaxNode>,
  line: number,
): SetupArgument {
  try {
    return {
      readable: true,
      value: evaluate(node, source, constants, new Set()),
      line,
    };
  } catch (error) {
    if (error instanceof NotLiteral) {
      return { readable: false, expression: source(node), line };
    }
    throw error;
  }
}

function evaluate(
  node: SyntaxNode,
  source: (node: SyntaxNode) => string,
  constants: Map<string, SyntaxNode>,
  resolving: Set<string>,
): PythonLiteral {
  const again = (child: SyntaxNode) =>
    evaluate(child, source, constants, resolving);
  switch (node.name) {
    case 'String':
    case 'FormatString':
      return decodeString(node, source);
    case 'ContinuedString': {
      let joined = '';
      for (let c = node.firstChild; c; c = c.nextSibling) {
        joined += decodeString(c, source);
      }
      return joined;
    }
    case 'Number': {
      const value = Number(source(node).replace(/_/g, ''));
      if (Number.isNaN(value)) throw new NotLiteral();
      return value;
    }
    case 'Boolean':
      return source(node) === 'True';
    case 'None':
      return null;
    case 'UnaryExpression': {
      const [op, operand] = meaningful(node);
      const value = operand ? again(operand) : undefined;
      if (op && source(op) === '-' && typeof value === 'number') return -value;
      if (op && source(op) === '+' && typeof value === 'number') return value;
      throw new NotLiteral();
    }
    case 'ParenthesizedExpression': {
      const inner = meaningful(node);
      if (inner.length !== 1) throw new NotLiteral();
      return again(inner[0]);
    }
    case 'ArrayExpression':
    case 'TupleExpression':
    case 'SetExpression':
      return meaningful(node).map(again);
    case 'DictionaryExpression': {
      const items = meaningful(node);
      const dict: Record<string, PythonLiteral> = {};
      for (let i = 0; i < items.length; i++) {
        const key = items[i];
        if (key.name === '**' || items[i + 1]?.name !== ':') {
          throw new NotLiteral();
        }
        const value = items[i + 2];
        if (!value) throw new NotLiteral();
        const keyValue = again(key);
        if (typeof keyValue === 'object' && keyValue !== null) {
          throw new NotLiteral();
        }
        dict[String(keyValue)] = again(value);
        i += 2;
      }
      return dict;
    }
    case 'BinaryExpression': {
      const [left, op, right] = meaningful(node);
      if (!left || !op || !right || source(op) !== '+') throw new NotLiteral();
      const a = again(left);
      const b = again(right);
      if (typeof a === 'string' && typeof b === 'string') return a + b;
      if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
      throw new NotLiteral();
    }
    case 'CallExpression': {
      // dict(key=literal, ...) is a literal in all but syntax.
      const callee = node.firstChild;
      if (callee?.name !== 'VariableName' || source(callee) !== 'dict') {
        throw new NotLiteral();
      }
      const dict: Record<string, PythonLiteral> = {};
      for (const arg of splitArguments(node.getChild('ArgList'))) {
        if (arg.length !== 3 || arg[1].name !== 'AssignOp') {
          throw new NotLiteral();
        }
        dict[source(arg[0])] = again(arg[2]);
      }
      return dict;
    }
    case 'VariableName': {
      const name = source(node);
      const bound = constants.get(name);
      if (!bound || resolving.has(name)) throw new NotLiteral();
      return evaluate(bound, source, constants, new Set([...resolving, name]));
    }
    default:
      throw new NotLiteral();
  }
}

/** The value of one string token, prefix and quotes removed, escapes decoded. */
function decodeString(
  node: SyntaxNode,
  source: (node: SyntaxNode) => string,
): string {
  if (node.name === 'FormatString' && node.getChild('FormatReplacement')) {
    throw new NotLiteral();
  }
  if (node.name !== 'String' && node.name !== 'FormatString') {
    throw new NotLiteral();
  }
  const raw = source(node);
  const prefix = /^[A-Za-z]*/.exec(raw)![0];
  const rest = raw.slice(prefix.length);
  const quote = rest.startsWith('"""') || rest.startsWith("'''") ? 3 : 1;
  const body = rest.slice(quote, rest.length - quote);
  if (/r/i.test(prefix)) return body;
  return body.replace(
    /\\(\r?\n|[\\'"abfnrtv]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3})/g,
    (_, escape: string) => {
      switch (escape[0]) {
        case '\n':
        case '\r':
          return '';
        case 'n':
          return '\n';
        case 't':
          return '\t';
        case 'r':
          return '\r';
        case 'a':
          return '\x07';
        case 'b':
          return '\b';
        case 'f':
          return '\f';
        case 'v':
          return '\v';
        case 'x':
        case 'u':
        case 'U':
          return String.fromCodePoint(parseInt(escape.slice(1), 16));
        default:
          return /[0-7]/.test(escape[0])
            ? String.fromCharCode(parseInt(escape, 8))
            : escape;
      }
    },
  );
}

/** The `setup(...)` call: first one at the top level, else the first anywhere. */
function findSetupCall(
  top: SyntaxNode,
  source: (node: SyntaxNode) => string,
  setupNames: Set<string>,
  moduleAliases: Set<string>,
): SyntaxNode | undefined {
  const isSetup = (call: SyntaxNode) => {
    const callee = call.firstChild;
    if (!callee) return false;
    if (callee.name === 'VariableName') {
      return setupNames.has(source(callee));
    }
    if (callee.name === 'MemberExpression') {
      const property = callee.lastChild;
      const object = callee.firstChild;
      return (
        property?.name === 'PropertyName' &&
        source(property) === 'setup' &&
        !!object &&
        moduleAliases.has(source(object).replace(/\s+/g, ''))
      );
    }
    return false;
  };
  let found: SyntaxNode | undefined;
  walk(top, node => {
    if (found) return false;
    if (node.name === 'CallExpression' && isSetup(node)) {
      found = node;
      return false;
    }
    return true;
  });
  return found;
}

function readImport(
  node: SyntaxNode,
  source: (node: SyntaxNode) => string,
  setupNames: Set<string>,
  moduleAliases: Set<string>,
) {
  const parts: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) parts.push(c);
  if (parts[0]?.name === 'from') {
    // from setuptools import setup [as s], find_packages
    const importAt = parts.findIndex(p => p.name === 'import');
    const module = parts
      .slice(1, importAt)
      .map(source)
      .join('')
      .replace(/\s+/g, '');
    if (!SETUP_MODULES.has(module)) return;
    for (let i = importAt + 1; i < parts.length; i++) {
      if (parts[i].name !== 'VariableName' || source(parts[i]) !== 'setup') {
        continue;
      }
      if (parts[i + 1]?.name === 'as' && parts[i + 2]) {
        setupNames.add(source(parts[i + 2]));
        i += 2;
      } else {
        setupNames.add('setup');
      }
    }
    return;
  }
  // import setuptools [as st], distutils.core
  let dotted = '';
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i];
    if (part.name === ',') {
      if (SETUP_MODULES.has(dotted)) moduleAliases.add(dotted);
      dotted = '';
    } else if (part.name === 'as') {
      if (SETUP_MODULES.has(dotted) && parts[i + 1]) {
        moduleAliases.add(source(parts[i + 1]));
      }
      dotted = '';
      i++;
    } else {
      dotted += source(part);
    }
  }
  if (SETUP_MODULES.has(dotted)) moduleAliases.add(dotted);
}

/** Children of an ArgList split at commas, parentheses dropped. */
function splitArguments(args: SyntaxNode | null): SyntaxNode[][] {
  const result: SyntaxNode[][] = [];
  let current: SyntaxNode[] = [];
  for (let c = args?.firstChild ?? null; c; c = c.nextSibling) {
    if (c.name === '(' || c.name === ')' || c.name === 'Comment') continue;
    if (c.name === ',') {
      if (current.length) result.push(current);
      current = [];
    } else {
      current.push(c);
    }
  }
  if (current.length) result.push(current);
  return result;
}

/** Children without brackets, commas and comments. */
function meaningful(node: SyntaxNode): SyntaxNode[] {
  const result: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (!/^[[\](){},]$/.test(c.name) && c.name !== 'Comment') result.push(c);
  }
  return result;
}

function childrenBefore(
  node: SyntaxNode,
  stop: string,
  all: boolean,
): SyntaxNode[] {
  const result: SyntaxNode[] = [];
  // Syntax nodes are fresh objects on every access: compare positions.
  let end = -1;
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.name === stop) {
      end = c.from;
      if (!all) break;
    }
  }
  for (let c = node.firstChild; c && c.from < end; c = c.nextSibling) {
    if (c.name !== stop && c.name !== 'for' && c.name !== ',') result.push(c);
  }
  return result;
}

function lastChild(node: SyntaxNode): SyntaxNode | undefined {
  let last = node.lastChild ?? undefined;
  while (last && last.name === 'Comment') last = last.prevSibling ?? undefined;
  return last;
}

function collectNames(
  node: SyntaxNode,
  source: (node: SyntaxNode) => string,
): string[] {
  if (node.name === 'VariableName') return [source(node)];
  const names: string[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.name === 'VariableName') names.push(source(c));
    else if (/Expression$/.test(c.name) && c.name !== 'MemberExpression') {
      names.push(...collectNames(c, source));
    }
  }
  return names;
}

/** Depth-first walk; `visit` returns false to skip a node's children. */
function walk(node: SyntaxNode, visit: (node: SyntaxNode) => boolean) {
  if (!visit(node)) return;
  for (let c = node.firstChild; c; c = c.nextSibling) walk(c, visit);
}

function lineNumber(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) line++;
  }
  return line;
}
