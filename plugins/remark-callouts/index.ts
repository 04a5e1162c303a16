export { remarkCallouts } from './lib/remark-callouts.ts';
