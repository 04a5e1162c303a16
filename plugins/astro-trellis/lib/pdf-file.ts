/**
 * Reads the two facts `npm run pdf` needs from a PDF that Chromium printed: how many pages it
 * has, and on which page each named destination (an element id that a link points to) lies.
 * Chromium writes a classic cross-reference table, a page tree and a `/Dests` dictionary in
 * plain text, so a few lines read them; a file laid out otherwise gives an empty answer.
 */

export interface PdfFacts {
  pageCount: number;
  /** Named destination (`page-internal/leadership-lab`) → page number, from 1. */
  destinations: Map<string, number>;
}

export function readPdfFacts(pdf: Buffer): PdfFacts {
  const text = pdf.toString('latin1');
  const offsets = crossReferences(text);
  const object = (ref: string | undefined) => {
    const at = ref === undefined ? undefined : offsets.get(Number(ref));
    return at === undefined ? '' : text.slice(at, text.indexOf('endobj', at));
  };
  const catalog = object(/\/Root (\d+) 0 R/.exec(text.slice(text.lastIndexOf('trailer')))?.[1]);
  const pages: number[] = [];
  const walk = (ref: string | undefined, depth: number) => {
    const node = object(ref);
    if (/\/Type\s*\/Pages\b/.test(node) && depth < 32) for (const kid of node.match(/\/Kids\s*\[([^\]]*)\]/)?.[1]?.matchAll(/(\d+) 0 R/g) ?? []) walk(kid[1], depth + 1);
    else if (/\/Type\s*\/Page\b/.test(node)) pages.push(Number(ref));
  };
  walk(/\/Pages (\d+) 0 R/.exec(catalog)?.[1], 0);
  const pageNumber = new Map(pages.map((ref, at) => [ref, at + 1]));
  const destinations = new Map<string, number>();
  for (const [, name, ref] of object(/\/Dests (\d+) 0 R/.exec(catalog)?.[1]).matchAll(/\/([^\s[/]+)\s*\[\s*(\d+) 0 R/g)) {
    const page = pageNumber.get(Number(ref));
    if (page) destinations.set(decodeName(name!), page);
  }
  return { pageCount: pages.length, destinations };
}

/** Object number → byte offset, from the table `startxref` points at. */
function crossReferences(text: string): Map<number, number> {
  const offsets = new Map<number, number>();
  const start = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  if (!Number.isFinite(start) || !text.startsWith('xref', start)) return offsets;
  const lines = text.slice(start, text.indexOf('trailer', start)).split(/\r?\n|\r/).slice(1);
  let number = 0;
  for (const line of lines) {
    const section = /^(\d+) \d+\s*$/.exec(line);
    const entry = /^(\d{10}) \d{5} ([nf])/.exec(line);
    if (section) number = Number(section[1]);
    else if (entry) {
      if (entry[2] === 'n') offsets.set(number, Number(entry[1]));
      number++;
    }
  }
  return offsets;
}

/** PDF names write other bytes as `#2F`; ids are UTF-8. */
function decodeName(name: string): string {
  const bytes = Buffer.from(name.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
  return bytes.toString('utf8');
}
