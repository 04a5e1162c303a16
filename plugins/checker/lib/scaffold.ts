/**
 * `npm run new -- page <id>`, `new -- competency <id>`, `new -- role <id>`: writes a file with
 * every required field filled in and the optional ones as comments, then prints the check of
 * that file, so an editor starts from something the build accepts. A new page is a draft, so
 * that nothing half-written is published before its author removes `status: draft`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { clusters, competencyIdPattern, formats, isReservedPageId, type Layer, layers, loadPlaybook, pageIdPattern, readSettings, type Settings, SettingsError } from '../../playbook/index.ts';
import { checkContent } from './check-content.ts';
import type { CliOutcome } from './cli.ts';
import { formatReport } from './report.ts';

const kinds = ['page', 'competency', 'role'] as const;
type Kind = (typeof kinds)[number];

const usage = 'Usage: npm run new -- page <layer/name> | competency <id> | role <id>\n';

export function runNewCommand(args: readonly string[], env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): CliOutcome {
  const [kind, id, ...rest] = args.filter((arg) => arg !== '--');
  if (!kind || !id || rest.length || !(kinds as readonly string[]).includes(kind)) {
    return refused(`Say what to create and its id, such as \`npm run new -- page internal/mentoring-circles\`.\n${usage}`, 2);
  }
  let settings: Settings;
  try {
    settings = readSettings(env, cwd);
  } catch (error) {
    if (error instanceof SettingsError) return refused(`${error.message}\n`, 2);
    throw error;
  }
  const problem = idProblem(kind as Kind, id);
  if (problem) return refused(`${problem}\n`, 1);
  const file = fileFor(kind as Kind, id);
  const { contentDir } = settings;
  const existing = [file, ...twinsOf(kind as Kind, id)].find((candidate) => fs.existsSync(path.join(contentDir, candidate)));
  if (existing) return refused(`\`${existing}\` already exists in the content folder; choose another id, or edit that file.\n`, 1);
  fs.mkdirSync(path.dirname(path.join(contentDir, file)), { recursive: true });
  fs.writeFileSync(path.join(contentDir, file), template(kind as Kind, id, firstTarget(contentDir)), { flag: 'wx' });
  return { stdout: reportOn(settings, file, cwd), stderr: '', exitCode: 0 };
}

function refused(message: string, exitCode: 1 | 2): CliOutcome {
  return { stdout: '', stderr: `Nothing was written. ${message}`, exitCode };
}

function idProblem(kind: Kind, id: string): string | null {
  if (kind === 'page') {
    if (!pageIdPattern.test(id)) return `\`${id}\` is not a valid page id; use letters, digits, hyphens, underscores, dots and spaces, with \`/\` between folders, such as \`internal/mentoring-circles\`.`;
    if (isReservedPageId(id)) return `\`${id}\` would take the URL of one of the generator's own pages; choose another name.`;
    return null;
  }
  return competencyIdPattern.test(id) ? null : `\`${id}\` is not a valid ${kind} id; use lowercase letters, digits and hyphens, such as \`${kind === 'role' ? 'divisional-director' : 'strategic-foresight'}\`.`;
}

function fileFor(kind: Kind, id: string): string {
  return kind === 'page' ? `playbook/${id}.md` : `${kind === 'role' ? 'roles' : 'competencies'}/${id}.md`;
}

/** Other files that would claim the same id. */
function twinsOf(kind: Kind, id: string): string[] {
  if (kind === 'page') return [`playbook/${id}.mdx`, `playbook/${id}/index.md`, `playbook/${id}/index.mdx`];
  return [`${kind === 'role' ? 'roles' : 'competencies'}/${id}.mdx`];
}

/** `internal/mentoring-circles` → `Mentoring circles`. */
function titleOf(id: string): string {
  const words = id.split('/').at(-1)!.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function template(kind: Kind, id: string, target: string): string {
  if (kind === 'competency') return competencyTemplate(id);
  if (kind === 'role') return roleTemplate(id, target);
  return pageTemplate(id);
}

/** `strategic-foresight: Foundational`: the first competency with levels and its first level, as an example target. */
function firstTarget(contentDir: string): string {
  const { playbook } = loadPlaybook(contentDir);
  const competency = [...playbook.editions[0]!.competencies.values()].sort((a, b) => (a.id < b.id ? -1 : 1)).find((candidate) => candidate.levels.length);
  return competency ? `${competency.id}: ${competency.levels[0]!.name}` : 'competency-id: Level name';
}

function pageTemplate(id: string): string {
  const first = id.split('/')[0]!;
  const layer: Layer = (layers as readonly string[]).includes(first) && id.includes('/') ? (first as Layer) : 'guide';
  const partner = layer === 'external' ? ['partner:', '  name: Name of the partner organisation', '  evaluation: How and when the partnership is evaluated', '  # contract_end: 2028-03-31', '  # since: 2026-09-01'] : [];
  return [
    '---',
    `title: ${titleOf(id)}`,
    'description: Say in one or two sentences what this page is for and who it helps.',
    `layer: ${layer}   # ${layers.join(' | ')}`,
    'status: draft   # remove this line to publish the page',
    ...partner,
    '# develops: [competency-id]          # the competencies it develops; see competencies/',
    '# prerequisites: [internal/leadership-lab]',
    `# formats: [virtual-cohort]           # ${formats.join(' | ')}`,
    '# owner: Head of Leadership Development',
    '# audience: [senior-leaders]',
    '# visibility: public                 # default internal',
    '# review_by: 2027-06-30',
    '# metrics: [measurement/360-feedback]',
    '# tags: [cohort]',
    '---',
    `What ${titleOf(id).toLowerCase()} is, who takes part, and how it works.`,
    '',
  ].join('\n');
}

function competencyTemplate(id: string): string {
  return [
    '---',
    `name: ${titleOf(id)}`,
    `cluster: strategy   # ${clusters.join(' | ')}`,
    'summary: Say in one sentence what a leader with this competency does.',
    '# priorities: [growth]',
    '# related: [other-competency-id]',
    '# levels:',
    '#   - name: Foundational',
    '#     description: What the first level looks like in practice.',
    '# visibility: public   # default internal',
    '---',
    'What the competency looks like in practice: behaviours, and what it is not.',
    '',
  ].join('\n');
}

function roleTemplate(id: string, target: string): string {
  return [
    '---',
    `name: ${titleOf(id)}`,
    'summary: Say in one sentence what the role is accountable for.',
    'targets:   # competency id: one of its level names',
    `  ${target}`,
    '# grows_from: [other-role-id]',
    '# visibility: public   # default internal',
    '---',
    'What the role is accountable for, and what good looks like in its first year.',
    '',
  ].join('\n');
}

/** The check's report for the new file alone, with the path the editor opens. */
function reportOn(settings: Settings, file: string, cwd: string): string {
  const { contentDir } = settings;
  const result = checkContent(settings);
  const own = result.diagnostics.filter((item) => item.file === file);
  const errorCount = own.filter((item) => item.severity === 'error').length;
  const shown = path.relative(cwd, path.join(contentDir, file)) || file;
  const report = formatReport({ ...result, diagnostics: own, errorCount, warningCount: own.length - errorCount, fileCount: 1 }, 'text', cwd);
  return `Created ${shown}.\n${report}`;
}
