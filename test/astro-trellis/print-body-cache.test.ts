// If this breaks, a warm build can print a body it rendered for other words (a damaged or
// half-written cache file trusted), or keeps every body it ever rendered.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPrintBodyCache } from '../../plugins/astro-trellis/lib/print-body-cache.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-print-bodies-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the print body cache', () => {
  it('gives back what a build wrote, to the next build', () => {
    openPrintBodyCache(dir).write('a1', '<p>Shadowing follows the lab.</p>');
    expect(openPrintBodyCache(dir).read('a1')).toBe('<p>Shadowing follows the lab.</p>');
  });

  it('ignores a file cut short, changed, or filed under another key', () => {
    const cache = openPrintBodyCache(dir);
    cache.write('b2', '<p>Rotation lasts eighteen months.</p>');
    const file = path.join(dir, 'b2.html');
    const whole = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, whole.slice(0, -10));
    expect(openPrintBodyCache(dir).read('b2')).toBeUndefined();
    fs.writeFileSync(file, whole.replace('eighteen', 'twelve'));
    expect(openPrintBodyCache(dir).read('b2')).toBeUndefined();
    fs.writeFileSync(path.join(dir, 'c3.html'), whole);
    expect(openPrintBodyCache(dir).read('c3')).toBeUndefined();
    fs.writeFileSync(file, '');
    expect(openPrintBodyCache(dir).read('b2')).toBeUndefined();
  });

  it('keeps the bodies the print edition shows now, and those the build used', () => {
    fs.rmSync(dir, { recursive: true, force: true });
    const first = openPrintBodyCache(dir);
    first.write('d4', '<p>Kept.</p>');
    first.write('e5', '<p>Dropped.</p>');
    first.write('g7', '<p>Shown, not rendered this time.</p>');
    const second = openPrintBodyCache(dir);
    expect(second.read('d4')).toBe('<p>Kept.</p>');
    second.write('f6', '<p>New.</p>');
    expect(second.prune(['g7'])).toEqual({ read: 1, written: 1 });
    expect(fs.readdirSync(dir).sort()).toEqual(['d4.html', 'f6.html', 'g7.html']);
  });

  it('keeps every body after a build whose print edition came from Astro\'s cache', () => {
    const restored = openPrintBodyCache(dir);
    expect(restored.prune(['d4', 'f6', 'g7'])).toEqual({ read: 0, written: 0 });
    expect(fs.readdirSync(dir).sort()).toEqual(['d4.html', 'f6.html', 'g7.html']);
  });
});
