// If this breaks, the calendar file the plan builder offers is refused or misread by a
// leader's calendar: a comma or semicolon in a title splits it, a long description is cut,
// a Polish or Dutch name is broken in half, or an intake lasts the wrong day.
import { describe, expect, it } from 'vitest';
import { calendar } from '../../plugins/playbook/route.ts';

const event = {
  uid: 'internal-leadership-lab-2027-02-01@playbook.example.org',
  date: '2027-02-28',
  summary: 'Zarządzanie, ryzyko; decyzje starts',
  description: `Step 1 of 3. ${'Łódź '.repeat(20)}`,
  url: 'https://playbook.example.org/internal/leadership-lab/',
};

describe('calendar', () => {
  const text = calendar([event], new Date('2026-11-25T09:30:00.123Z'));

  it('writes CRLF lines of at most 75 octets, folded without splitting a character', () => {
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(text.replace(/\r\n /g, '')).toContain(`DESCRIPTION:Step 1 of 3. ${'Łódź '.repeat(20)}`.trimEnd());
    expect(text).not.toContain('\uFFFD');
  });

  it('escapes commas and semicolons in text, and makes an all-day event that ends the next day', () => {
    const unfolded = text.replace(/\r\n /g, '').split('\r\n');
    expect(unfolded).toContain('SUMMARY:Zarządzanie\\, ryzyko\\; decyzje starts');
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20270228');
    expect(unfolded).toContain('DTEND;VALUE=DATE:20270301');
    expect(unfolded).toContain('DTSTAMP:20261125T093000Z');
    expect(unfolded.slice(0, 5)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Trellis//Development plan//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH']);
  });
});
