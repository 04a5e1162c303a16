export { codeRoles, remarkCodeHighlight } from './lib/remark-code-highlight.ts';
