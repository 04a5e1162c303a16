// The Atom feed of the editions and what changed in each, at the site's root.
import type { APIRoute } from 'astro';
import { changesFeedXml } from '../../plugins/astro-trellis/site.ts';

export const GET: APIRoute = () => new Response(changesFeedXml(), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
