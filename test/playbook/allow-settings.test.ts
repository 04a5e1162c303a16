// If this breaks, a site that allows images or embedded talks from a host shows readers empty
// boxes anyway, `npm run check` and the build disagree about which hosts are allowed, or a
// mistyped host (`https://img.shields.io/`) is silently ignored.
import { describe, expect, it } from 'vitest';
import { isAllowedHost, readSettings } from '../../plugins/playbook/index.ts';

const cwd = '/tmp';

describe('the hosts a site allows', () => {
  it('are none by default, so the Content-Security-Policy stays strict', () => {
    expect(readSettings({}, cwd).allow).toEqual({ images: [], frames: [] });
  });

  it('come from trellis({ allow }) or the environment, which must agree', () => {
    expect(readSettings({}, cwd, { allow: { images: ['img.shields.io'], frames: ['www.youtube-nocookie.com'] } }).allow).toEqual({ images: ['img.shields.io'], frames: ['www.youtube-nocookie.com'] });
    expect(readSettings({ PLAYBOOK_ALLOW_IMAGES: 'img.shields.io, *.example.org' }, cwd).allow).toEqual({ images: ['*.example.org', 'img.shields.io'], frames: [] });
    expect(readSettings({ PLAYBOOK_ALLOW_IMAGES: 'img.shields.io' }, cwd, { allow: { images: ['img.shields.io'] } }).allow.images).toEqual(['img.shields.io']);
    expect(() => readSettings({ PLAYBOOK_ALLOW_IMAGES: 'img.shields.io' }, cwd, { allow: { images: ['images.example.org'] } })).toThrow(
      "PLAYBOOK_ALLOW_IMAGES is `img.shields.io` but astro.config.mjs sets `trellis({ allow: { images: ['images.example.org'] } })`; make the two name the same hosts (`npm run check` reads only PLAYBOOK_ALLOW_IMAGES), or leave PLAYBOOK_ALLOW_IMAGES unset for the build.",
    );
  });

  it('refuse what is not a host name, saying what to write', () => {
    expect(() => readSettings({ PLAYBOOK_ALLOW_FRAMES: 'https://www.youtube.com/' }, cwd)).toThrow('PLAYBOOK_ALLOW_FRAMES lists `https://www.youtube.com/`, which is not a host name; list hosts such as `img.shields.io` or `*.example.org`, separated by commas, without `https://` or a path.');
    expect(() => readSettings({}, cwd, { allow: { images: 'img.shields.io' } })).toThrow("`trellis({ allow: { images } })` in astro.config.mjs must be a list of host names, such as `images: ['img.shields.io']`.");
    expect(() => readSettings({}, cwd, { allow: { pictures: [] } })).toThrow('`trellis({ allow })` in astro.config.mjs must be an object such as');
  });

  it('match a host, or any subdomain of a `*.` entry, as the CSP does', () => {
    const hosts = ['img.shields.io', '*.example.org'];
    expect(['img.shields.io', 'IMG.Shields.io', 'cdn.example.org', 'a.b.example.org', 'example.org', 'shields.io'].filter((host) => isAllowedHost(host, hosts))).toEqual(['img.shields.io', 'IMG.Shields.io', 'cdn.example.org', 'a.b.example.org']);
  });
});
