// The sitemap lists the current edition only: older editions are marked noindex, and a
// public build lists public pages only because its routes hold nothing else.
import type { APIRoute } from 'astro';
import { editionRoutes, getTrellisState } from '../../plugins/astro-trellis/site.ts';

export const GET: APIRoute = ({ site }) => {
  const current = getTrellisState().editions[0]!;
  const origin = site ?? new URL('https://playbook.example.org');
  const urls = editionRoutes(current).map((route) => `  <url><loc>${escapeXml(new URL(`${current.root}${route.path}`, origin).href)}</loc></url>`);
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(body, { headers: { 'Content-Type': 'application/xml' } });
};

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
