export { remarkPlaybookRefs } from './lib/remark-playbook-refs.ts';
export { resolvePageLink, type ResolvedLink } from './lib/resolve-link.ts';
