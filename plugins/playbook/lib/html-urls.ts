/**
 * The URLs an author writes in raw HTML: `<a href>`, `<img src>` and `<iframe src>`, found by
 * the HTML parser the sanitiser uses (parse5, through hast-util-from-html), with where each
 * attribute stands in the file, so that the checker reports them at their place and the
 * renderer rewrites them, as it does Markdown links and images.
 */
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes } from 'hast';
import type { Html } from 'mdast';
import type { Point, Position } from 'unist';

export interface HtmlUrl {
  tagName: 'a' | 'img' | 'iframe';
  attribute: 'href' | 'src';
  /** The URL, with character references decoded. */
  url: string;
  /** `alt` of an `<img>`: null when it has none. */
  alt: string | null;
  /** Whether an `<img>` says its own `width` or `height`. */
  sized: boolean;
  /** Offsets of the whole attribute (`href="…"`) in the HTML node's value. */
  start: number;
  end: number;
  /** Where the attribute is in the file. */
  position: Position | undefined;
}

const urlAttributes: Record<string, 'href' | 'src'> = { a: 'href', img: 'src', iframe: 'src' };

/**
 * @param source the whole file, which places the attributes of HTML written inside quotes or
 * lists, where the node's value lacks the `> ` of each line
 */
export function htmlUrls(node: Html, source: string): HtmlUrl[] {
  if (!/<(?:a|img|iframe)\b/i.test(node.value)) return [];
  const found: HtmlUrl[] = [];
  const tree = fromHtml(node.value, { fragment: true, verbose: true });
  const stack: Nodes[] = [tree];
  while (stack.length) {
    const element = stack.pop()!;
    if ('children' in element) stack.push(...element.children);
    if (element.type !== 'element') continue;
    const attribute = urlAttributes[element.tagName];
    const value = attribute ? element.properties[attribute] : undefined;
    const place = attribute ? (element.data as VerboseData | undefined)?.position?.properties?.[attribute] : undefined;
    if (!attribute || typeof value !== 'string' || !place || place.start.offset === undefined || place.end.offset === undefined) continue;
    found.push({
      tagName: element.tagName as HtmlUrl['tagName'],
      attribute,
      url: value.trim(),
      alt: typeof element.properties.alt === 'string' ? element.properties.alt : null,
      sized: element.properties.width !== undefined || element.properties.height !== undefined,
      start: place.start.offset,
      end: place.end.offset,
      position: inFile(node, source, place),
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The HTML with each attribute `replace` gives a new value (and extra attributes after it) written anew. */
export function rewriteHtmlUrls(value: string, urls: readonly HtmlUrl[], replace: (url: HtmlUrl) => { url: string; extra?: Record<string, string | number> } | undefined): string {
  let result = '';
  let at = 0;
  for (const url of urls) {
    const replacement = replace(url);
    if (!replacement) continue;
    const extra = Object.entries(replacement.extra ?? {}).map(([name, attribute]) => ` ${name}="${escapeAttribute(String(attribute))}"`).join('');
    result += `${value.slice(at, url.start)}${url.attribute}="${escapeAttribute(replacement.url)}"${extra}`;
    at = url.end;
  }
  return result + value.slice(at);
}

type VerboseData = Element['data'] & { position?: { properties?: Record<string, Position | undefined> } };

/** A place in the node's value as a place in the file. */
function inFile(node: Html, source: string, place: Position): Position | undefined {
  const start = node.position?.start;
  if (!start) return undefined;
  const lines = node.value.split('\n');
  let fileLines: string[] | undefined;
  const point = (inValue: Point): Point => {
    if (inValue.line === 1) return { line: start.line, column: start.column + inValue.column - 1 };
    const line = start.line + inValue.line - 1;
    // The file's line ends with the value's line; what comes before it is `> ` or indentation.
    fileLines ??= source.split('\n');
    const fileLine = fileLines[line - 1] ?? '';
    return { line, column: fileLine.length - (lines[inValue.line - 1] ?? '').length + inValue.column };
  };
  return { start: point(place.start), end: point(place.end) };
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}
