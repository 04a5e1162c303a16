/** Edition labels compare as version numbers: `2026.1` > `2025.10` > `2025.2`. */
export function compareEditionLabels(a: string, b: string): number {
  const left = a.split(/[.\-]/);
  const right = b.split(/[.\-]/);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = left[i] ?? '';
    const y = right[i] ?? '';
    const difference = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x.localeCompare(y);
    if (difference !== 0) return difference;
  }
  return 0;
}

export const editionLabelPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
