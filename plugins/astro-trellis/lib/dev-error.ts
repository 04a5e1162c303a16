/**
 * Under `npm run dev`, content problems appear in Astro's error overlay: the checker's own
 * report as the message, the first problem's file and line as the location, and the fix
 * as the hint. Saving the fixed file reloads the playbook and clears it.
 */
import { AstroError } from 'astro/errors';
import type { TrellisState } from './state.ts';

export function playbookError(state: TrellisState): Error | null {
  if (!state.errorReport) return null;
  const error = new AstroError(
    `The playbook has errors.\n\n${state.errorReport}`,
    'Fix each problem at the file, line and column shown (npm run check prints the same list); the page reloads when you save.',
  );
  if (state.firstError) Object.assign(error, { loc: state.firstError });
  return error;
}
