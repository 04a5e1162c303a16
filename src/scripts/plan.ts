// The plan builder, on /plan/ only: reads the edition's data block, works out the route with
// the core's own route code, and shows it with its total and next intakes; prints it, and
// offers the intakes as an .ics file made here. Nothing is sent anywhere or stored: the
// reader's choices live in the form and the address bar only.
import { calendar, describeDays, type LevelOf, nextIntake, planRoute, type Route, totalDuration } from '../../plugins/playbook/route.ts';
import type { PlanData, PlanInitiative } from '../views/plan-data.ts';

const root = document.querySelector<HTMLElement>('#plan');
const dataElement = document.querySelector('#plan-data');

if (root && dataElement?.textContent) {
  const data = JSON.parse(dataElement.textContent) as PlanData;
  const builder = planBuilder(root, data);
  root.hidden = false;
  builder.start(new URLSearchParams(location.search));
}

function planBuilder(root: HTMLElement, data: PlanData) {
  const element = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  const roleSelect = element<HTMLSelectElement>('#plan-role');
  const fromSelect = element<HTMLSelectElement>('#plan-from');
  const showAll = element<HTMLInputElement>('#plan-all');
  const rows = [...root.querySelectorAll<HTMLTableRowElement>('tr[data-competency]')];
  const select = (row: HTMLTableRowElement, which: 'target' | 'current') => row.querySelector<HTMLSelectElement>(`select[data-role="${which}"]`)!;
  const competencies = new Map(data.competencies.map((competency) => [competency.id, competency]));
  let route: Route<PlanInitiative> = { steps: [], met: [], unreachable: [] };

  const levelsOf = (which: 'target' | 'current'): LevelOf[] =>
    rows.flatMap((row) => (select(row, which).value === '' ? [] : [{ competency: row.dataset.competency!, level: Number(select(row, which).value) }]));

  function applyRole(which: 'target' | 'current', roleId: string): void {
    const targets = new Map(data.roles.find((role) => role.id === roleId)?.targets.map((target) => [target.competency, target.level]) ?? []);
    for (const row of rows) select(row, which).value = targets.has(row.dataset.competency!) ? String(targets.get(row.dataset.competency!)) : '';
  }

  function update(): void {
    const targets = levelsOf('target');
    const current = new Map(levelsOf('current').map((item) => [item.competency, item.level]));
    route = planRoute(data.initiatives, targets, current);
    const filtering = roleSelect.value !== '' && !showAll.checked;
    for (const row of rows) row.hidden = filtering && select(row, 'target').value === '';
    for (const body of root.querySelectorAll('tbody')) body.hidden = [...body.querySelectorAll<HTMLTableRowElement>('tr[data-competency]')].every((row) => row.hidden);
    render(root, data, competencies, route, targets.length, roleSelect.selectedOptions[0]?.value ? roleSelect.selectedOptions[0].text : '');
    const query = new URLSearchParams();
    if (roleSelect.value) query.set('role', roleSelect.value);
    if (fromSelect.value) query.set('from', fromSelect.value);
    history.replaceState(null, '', `${location.pathname}${query.size ? `?${query}` : ''}`);
  }

  return {
    start(query: URLSearchParams): void {
      for (const [input, key] of [[roleSelect, 'role'], [fromSelect, 'from']] as const) {
        const wanted = query.get(key);
        if (wanted && data.roles.some((role) => role.id === wanted)) input.value = wanted;
      }
      applyRole('target', roleSelect.value);
      applyRole('current', fromSelect.value);
      roleSelect.addEventListener('change', () => (applyRole('target', roleSelect.value), update()));
      fromSelect.addEventListener('change', () => (applyRole('current', fromSelect.value), update()));
      showAll.addEventListener('change', update);
      for (const row of rows) for (const which of ['target', 'current'] as const) select(row, which).addEventListener('change', update);
      element('#plan-print').addEventListener('click', () => window.print());
      element('#plan-ics').addEventListener('click', () => download(route, roleSelect.value ? roleSelect.selectedOptions[0]!.text : ''));
      update();
    },
  };
}

function render(root: HTMLElement, data: PlanData, competencies: Map<string, PlanData['competencies'][number]>, route: Route<PlanInitiative>, targetCount: number, roleName: string): void {
  const element = (selector: string) => root.querySelector<HTMLElement>(selector)!;
  const today = localToday();
  const level = (item: LevelOf) => `${competencies.get(item.competency)?.name ?? item.competency} to ${competencies.get(item.competency)?.levels[item.level] ?? ''}`;
  element('#plan-result-heading').textContent = roleName ? `Your route to ${roleName}` : 'Your route';
  element('#plan-prepared').textContent = `Development plan prepared on ${longDate(today)} from the playbook's plan builder.`;
  element('#plan-summary').textContent = summary(route, targetCount);
  const titles = new Map(data.initiatives.map((initiative) => [initiative.id, initiative.title]));
  element('#plan-steps').replaceChildren(...route.steps.map((step) => stepItem(step, level, titles, today)));
  const gaps = element('#plan-gaps');
  gaps.replaceChildren();
  if (route.unreachable.length) {
    const note = make('div', { className: 'route-gaps', role: 'note' }, [make('h3', {}, ['Not reached by any initiative'])]);
    note.append(make('ul', {}, route.unreachable.map((target) => make('li', {}, [`${competencies.get(target.competency)?.name ?? target.competency} at ${competencies.get(target.competency)?.levels[target.level] ?? ''}: ${target.reached >= 0 ? `no initiative develops it beyond ${competencies.get(target.competency)?.levels[target.reached]}` : 'no initiative develops it'}. Agree with your sponsor how you will get there.`]))));
    gaps.append(note);
  }
  element('#plan-met').textContent = route.met.length ? `Already met: ${route.met.map((item) => `${competencies.get(item.competency)?.name} at ${competencies.get(item.competency)?.levels[item.level]}`).join(', ')}.` : '';
  (root.querySelector<HTMLButtonElement>('#plan-ics')!).disabled = !route.steps.some((step) => nextIntake(step.initiative.intakes, today));
}

function summary(route: Route<PlanInitiative>, targetCount: number): string {
  if (targetCount === 0) return 'Choose a role, or a target level in at least one competency.';
  if (!route.steps.length) return route.unreachable.length ? 'No initiative closes this gap.' : 'Every target is already met: no initiative is needed.';
  const { days, unknown } = totalDuration(route.steps.map((step) => step.initiative.duration));
  const rest = unknown ? `, plus ${unknown} ${unknown === 1 ? 'step' : 'steps'} whose length is not given` : '';
  return `${route.steps.length} ${route.steps.length === 1 ? 'step' : 'steps'}, in all ${describeDays(days)} if taken one after another${rest}.`;
}

function stepItem(step: Route<PlanInitiative>['steps'][number], level: (item: LevelOf) => string, titles: Map<string, string>, today: string): HTMLElement {
  const { initiative } = step;
  const kinds = { internal: 'Internal programme', external: 'External partnership', coaching: 'Coaching' };
  const heading = make('h3', {}, [make('a', { href: initiative.url }, [initiative.title]), ' ', make('span', { className: 'route-kind' }, [kinds[initiative.layer]])]);
  const needed = step.prerequisiteOf.map((id) => titles.get(id) ?? id).join(', ');
  const what = step.reaches.length ? `Develops ${step.reaches.map(level).join(', ')}.` : `Needed first for ${needed}; skip it if you have already taken it.`;
  const facts = make('dl', { className: 'route-facts' }, []);
  const next = nextIntake(initiative.intakes, today);
  for (const [term, value] of [['Duration', initiative.duration], ['Commitment', initiative.commitment], ['Next intake', next ? longDate(next) : initiative.intakes.length ? 'None announced yet' : undefined]] as const) {
    if (value) facts.append(make('dt', {}, [term]), make('dd', {}, [value]));
  }
  const also = step.reaches.length && needed ? [make('p', { className: 'muted' }, [`Also needed first for ${needed}.`])] : [];
  return make('li', { className: `route-step route-step-${initiative.layer}` }, [heading, make('p', {}, [what]), ...also, facts]);
}

function download(route: Route<PlanInitiative>, roleName: string): void {
  const today = localToday();
  const events = route.steps.flatMap((step, index) => {
    const date = nextIntake(step.initiative.intakes, today);
    if (!date) return [];
    const details = [`Step ${index + 1} of ${route.steps.length} of your development route${roleName ? ` to ${roleName}` : ''}.`, step.initiative.duration && `Duration: ${step.initiative.duration}.`, step.initiative.commitment && `Commitment: ${step.initiative.commitment}.`];
    return [{ uid: `${step.initiative.id.replace(/\//g, '-')}-${date}@${location.hostname || 'trellis'}`, date, summary: `${step.initiative.title} starts`, description: details.filter(Boolean).join(' '), url: new URL(step.initiative.url, location.href).href }];
  });
  const blob = new Blob([calendar(events, new Date())], { type: 'text/calendar;charset=utf-8' });
  const link = make('a', { href: URL.createObjectURL(blob), download: 'development-plan.ics' }, []);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

function make<K extends keyof HTMLElementTagNameMap>(tag: K, properties: Partial<HTMLElementTagNameMap[K]> & { role?: string }, children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  const { role, ...rest } = properties;
  Object.assign(node, rest);
  if (role) node.setAttribute('role', role);
  node.append(...children);
  return node;
}

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function longDate(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}
