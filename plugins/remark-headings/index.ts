export { remarkHeadings } from './lib/remark-headings.ts';
