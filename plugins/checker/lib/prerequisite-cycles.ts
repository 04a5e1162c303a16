/**
 * `prerequisites` must leave the pages of an edition in some order. One depth-first search
 * over the whole graph (iterative, so a long chain cannot exhaust the stack) finds a cycle
 * for every edge that closes one, and reports it once, at the list item that closes it.
 */
import { type Page, ruleIds } from '../../playbook/index.ts';
import type { CheckContext } from './context.ts';

interface Frame {
  page: Page;
  /** Index of the next prerequisite to follow. */
  next: number;
}

/** A page's position on the current search path while it is open, then `done`. */
type State = Map<Page, number | 'done'>;

export function checkPrerequisiteCycles(context: CheckContext): void {
  const state: State = new Map();
  const pages = [...context.edition.pages.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const start of pages) {
    if (!state.has(start)) search(context, start, state);
  }
}

function search(context: CheckContext, start: Page, state: State): void {
  const path: Frame[] = [{ page: start, next: 0 }];
  state.set(start, 0);
  while (path.length) {
    const frame = path.at(-1)!;
    if (frame.next >= frame.page.prerequisites.length) {
      state.set(frame.page, 'done');
      path.pop();
      continue;
    }
    const item = frame.next++;
    const target = context.index.page(frame.page.prerequisites[item]!);
    if (!target) continue;
    const seen = state.get(target);
    if (typeof seen === 'number') {
      reportCycle(context, path.slice(seen), item);
    } else if (seen === undefined) {
      state.set(target, path.length);
      path.push({ page: target, next: 0 });
    }
  }
}

/** `cycle` runs from the page the closing item names to the page that names it. */
function reportCycle(context: CheckContext, cycle: Frame[], item: number): void {
  const ids = [...cycle.map((frame) => frame.page.id), cycle[0]!.page.id];
  const closing = cycle.at(-1)!.page;
  context.diagnostics.error(
    closing.source.path,
    closing.source.spanOf(['prerequisites', item]),
    ruleIds.prerequisiteCycle,
    `Prerequisites form a cycle \`${ids.join(' -> ')}\`; remove one of these prerequisites so that the pages can be taken in order.`,
  );
}
