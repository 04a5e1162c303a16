// On the 404 page: the same path in every other edition, asked for with HEAD; those that have
// it are offered ("This page is in edition 2025.2"). One request per edition, on this page only.
export {};
interface Known {
  name: string;
  root: string;
}
const box = document.querySelector<HTMLElement>('#elsewhere');
const editions = JSON.parse(box?.dataset.editions ?? '[]') as Known[];
// The edition the address belongs to: the longest root it starts with (older ones live under `v/<label>/`).
const here = editions.filter((edition) => location.pathname.startsWith(edition.root)).sort((a, b) => b.root.length - a.root.length)[0];

async function findElsewhere(): Promise<void> {
  if (!box || !here) return;
  const rest = location.pathname.slice(here.root.length);
  if (!rest) return;
  const found = await Promise.all(editions.filter((edition) => edition !== here).map(async (edition) => {
    const url = `${edition.root}${rest}`;
    const response = await fetch(url, { method: 'HEAD' }).catch(() => null);
    return response?.ok ? { edition, url } : null;
  }));
  const links = found.filter((entry) => entry !== null);
  if (!links.length) return;
  box.append('This page is in ');
  links.forEach(({ edition, url }, index) => {
    const link = document.createElement('a');
    link.href = url;
    link.textContent = edition.name;
    box.append(...(index ? [index === links.length - 1 ? ' and ' : ', '] : []), link);
  });
  box.append('.');
  box.hidden = false;
}

void findElsewhere();
