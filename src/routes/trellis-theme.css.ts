// The organisation's accent (`trellis({ accent })`), as a stylesheet the pages link to only
// when it is set: the Content-Security-Policy allows no inline style. The integration has
// checked its contrast before the build began.
import type { APIRoute } from 'astro';
import { accentStylesheet, getTrellisState, resolveAccent } from '../../plugins/astro-trellis/site.ts';

export const GET: APIRoute = () => {
  const { accent } = getTrellisState().options;
  const body = accent === undefined ? '' : accentStylesheet(resolveAccent(accent));
  return new Response(body, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
