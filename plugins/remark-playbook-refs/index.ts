export { remarkPlaybookRefs } from './lib/remark-playbook-refs.ts';
