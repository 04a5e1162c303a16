/**
 * Reads a whole content folder — every edition, drafts and internal content included — into
 * one model. Problems with single files (syntax, fields, identity) are reported here; rules
 * that relate files to each other belong to the checker.
 */
import type { Root } from 'mdast';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { DiagnosticList, fileStart } from './diagnostics.ts';
import { compareEditionLabels, editionLabelPattern } from './editions.ts';
import { fieldDefaults, validateFields } from './frontmatter-fields.ts';
import { collectHeadings } from './headings.ts';
import type { Competency, Edition, Page, Playbook, Role, SourceFile } from './model.ts';
import { parseSourceFile } from './parse-file.ts';
import type { ParsedFiles } from './parse-in-parallel.ts';
import { entryKind, listEditionFolders, listInterruptedCuts, readMarkdownFiles, readText } from './read-files.ts';
import { ruleIds } from './rule-ids.ts';
import { isReservedCompetencyId, isReservedPageId, pageIdOf, pageUrlPath, sitePaths } from './urls.ts';
import { type CompetencyData, competencyIdPattern, competencySchema, editionSchema, type PageData, pageIdPattern, pageSchema, type RoleData, roleSchema } from './schema.ts';

export interface LoadResult {
  playbook: Playbook;
  diagnostics: DiagnosticList;
}

/**
 * @param parsed trees that worker threads already parsed (see `parseInParallel`), by file
 * path; a tree is used only when its text is exactly the text read here.
 * @param frontmatterOnly labels of older editions whose bodies are not needed (their pages
 * come from a cache and they passed the check unchanged): only their frontmatter is read.
 */
export function loadPlaybook(contentDir: string, parsed: ParsedFiles = new Map(), frontmatterOnly: ReadonlySet<string> = new Set()): LoadResult {
  const diagnostics = new DiagnosticList();
  const root = path.resolve(contentDir);
  const editions = [loadEdition(root, 'current', '', diagnostics, parsed, false)];
  for (const label of listVersionLabels(root, diagnostics)) {
    editions.push(loadEdition(root, label, `versions/${label}/`, diagnostics, parsed, frontmatterOnly.has(label)));
  }
  reportInterruptedCuts(root, diagnostics);
  return { playbook: { contentDir: root, editions }, diagnostics };
}

/** A cut stopped halfway leaves thousands of hidden files the loader skips: said, or nobody would know. */
function reportInterruptedCuts(root: string, diagnostics: DiagnosticList): void {
  for (const name of listInterruptedCuts(root)) {
    diagnostics.warning(`versions/${name}`, fileStart, ruleIds.interruptedCut, `\`versions/${name}/\` is a copy left by a \`npm run version:cut\` that was interrupted; it is not an edition and is not published. Delete it, or cut the edition again, which deletes it first.`);
  }
}

function listVersionLabels(root: string, diagnostics: DiagnosticList): string[] {
  const labels: string[] = [];
  for (const name of listEditionFolders(root, diagnostics)) {
    if (!editionLabelPattern.test(name) || name === 'current') {
      diagnostics.error(`versions/${name}`, fileStart, ruleIds.invalidEdition, `Edition folder \`${name}\` is not a valid label; use letters, digits, dots and hyphens, such as \`2025.2\`.`);
      continue;
    }
    labels.push(name);
  }
  return labels.sort((a, b) => compareEditionLabels(b, a));
}

function loadEdition(root: string, label: string, folder: string, diagnostics: DiagnosticList, parsed: ParsedFiles, skipBodies: boolean): Edition {
  const parse = (file: { path: string; text: string }) => {
    const ready = skipBodies ? { text: file.text, tree: emptyTree() } : parsed.get(file.path);
    return parseSourceFile(file.path, file.text, diagnostics, ready?.text === file.text ? ready.tree : undefined);
  };
  const edition: Edition = { label, isCurrent: label === 'current', archived: false, folder, competencies: new Map(), roles: new Map(), pages: new Map(), bodiesRead: !skipBodies };
  if (!edition.isCurrent) readEditionFile(root, edition, diagnostics);
  for (const file of readMarkdownFiles(root, `${folder}competencies`, diagnostics)) {
    const competency = guarded(file.path, diagnostics, () => loadCompetency(parse(file), folder, diagnostics));
    if (competency) claim(edition.competencies, competency, diagnostics);
  }
  for (const file of readMarkdownFiles(root, `${folder}roles`, diagnostics)) {
    const role = guarded(file.path, diagnostics, () => loadRole(parse(file), folder, diagnostics));
    if (role) claim(edition.roles, role, diagnostics);
  }
  const urls = new Map<string, Page>();
  for (const file of readMarkdownFiles(root, `${folder}playbook`, diagnostics)) {
    const page = guarded(file.path, diagnostics, () => loadPage(parse(file), folder, diagnostics));
    if (page && claimUrl(urls, page, diagnostics)) claim(edition.pages, page, diagnostics);
  }
  return edition;
}

/**
 * A bug met while reading one file must not hide every other file's problems behind a stack
 * trace: it becomes one message on that file, which is then left out.
 */
function guarded<T>(file: string, diagnostics: DiagnosticList, load: () => T | null): T | null {
  try {
    return load();
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    diagnostics.error(file, fileStart, ruleIds.internalError, `Trellis could not read this file (${reason}); please report it with the file attached.`);
    return null;
  }
}

function readEditionFile(root: string, edition: Edition, diagnostics: DiagnosticList): void {
  const relative = `${edition.folder}edition.yml`;
  if (entryKind(root, relative, 'file', diagnostics) === 'missing') return;
  const text = readText(path.join(root, relative), relative, diagnostics);
  if (text === null) return;
  const document = parseDocument(text, { prettyErrors: false });
  const raw = document.errors.length ? {} : (document.toJS({ maxAliasCount: 20 }) ?? {});
  const result = editionSchema.safeParse(raw);
  if (document.errors.length || !result.success) {
    diagnostics.error(relative, fileStart, ruleIds.invalidEdition, 'Invalid `edition.yml`; it may hold `archived: true` and `released: YYYY-MM-DD`, nothing else.');
    return;
  }
  edition.archived = result.data.archived;
  edition.released = result.data.released;
}

function frontmatterObject(source: SourceFile, diagnostics: DiagnosticList): Record<string, unknown> | null {
  // A missing or broken block was reported when the file was parsed.
  if (!source.frontmatter) return null;
  let value: unknown;
  try {
    value = source.frontmatter.toJS({ maxAliasCount: 20 });
  } catch (error) {
    diagnostics.error(source.path, source.spanAt(source.frontmatterOffset, source.frontmatterOffset), ruleIds.invalidYaml, `Invalid YAML in frontmatter: ${(error as Error).message.replace(/\.$/, '')}; write the values out instead of repeating aliases.`);
    return null;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    diagnostics.error(source.path, source.spanAt(source.frontmatterOffset, source.frontmatterOffset), ruleIds.invalidYaml, 'Frontmatter must be a mapping of fields such as `title: ...`.');
    return null;
  }
  return value as Record<string, unknown>;
}

function loadCompetency(source: SourceFile, folder: string, diagnostics: DiagnosticList): Competency | null {
  const id = source.path.slice(`${folder}competencies/`.length).replace(/\.mdx?$/, '');
  if (!competencyIdPattern.test(id)) {
    diagnostics.error(source.path, fileStart, ruleIds.invalidFileName, `Competency file name \`${id}\` is not a valid id; use lowercase letters, digits and hyphens, directly in \`competencies/\`.`);
    return null;
  }
  if (isReservedCompetencyId(id)) {
    diagnostics.error(source.path, fileStart, ruleIds.reservedId, `Competency id \`${id}\` would take \`/${sitePaths.competency(id)}\`, which the generator's own pages use; rename the file.`);
    return null;
  }
  const raw = frontmatterObject(source, diagnostics);
  const { data } = raw ? validateFields<CompetencyData>(source, raw, competencySchema.shape, diagnostics) : { data: fieldDefaults<CompetencyData>(competencySchema.shape) };
  return { kind: 'competency', id, source, ...data, name: data.name ?? id, cluster: data.cluster ?? 'strategy', summary: data.summary ?? '' };
}

function loadPage(source: SourceFile, folder: string, diagnostics: DiagnosticList): Page | null {
  const id = pageIdOf(source.path.slice(`${folder}playbook/`.length));
  if (!pageIdPattern.test(id)) {
    diagnostics.error(source.path, fileStart, ruleIds.invalidFileName, `Page path \`${id}\` is not a valid id; use letters, digits, hyphens, underscores, dots and spaces in file and folder names, starting each with a letter or digit.`);
    return null;
  }
  if (isReservedPageId(id)) {
    diagnostics.error(source.path, fileStart, ruleIds.reservedId, `Page id \`${id}\` would take \`/${sitePaths.page(id)}\`, which the generator's own pages use; rename or move the file.`);
    return null;
  }
  const raw = frontmatterObject(source, diagnostics);
  const { data } = raw ? validateFields<PageData>(source, raw, pageSchema.shape, diagnostics) : { data: fieldDefaults<PageData>(pageSchema.shape) };
  return {
    kind: 'page',
    id,
    source,
    ...data,
    develops: data.develops.map((item) => item.id),
    developsItems: data.develops,
    title: data.title ?? id,
    description: data.description ?? '',
    layer: data.layer ?? 'guide',
    headings: collectHeadings(source.tree),
  };
}

function loadRole(source: SourceFile, folder: string, diagnostics: DiagnosticList): Role | null {
  const id = source.path.slice(`${folder}roles/`.length).replace(/\.mdx?$/, '');
  if (!competencyIdPattern.test(id)) {
    diagnostics.error(source.path, fileStart, ruleIds.invalidFileName, `Role file name \`${id}\` is not a valid id; use lowercase letters, digits and hyphens, directly in \`roles/\`.`);
    return null;
  }
  const raw = frontmatterObject(source, diagnostics);
  const { data } = raw ? validateFields<RoleData>(source, raw, roleSchema.shape, diagnostics) : { data: fieldDefaults<RoleData>(roleSchema.shape) };
  return { kind: 'role', id, source, ...data, name: data.name ?? id, summary: data.summary ?? '', targets: data.targets ?? {} };
}

function emptyTree(): Root {
  return { type: 'root', children: [] };
}

/**
 * Two pages whose ids differ only in case or spaces (`Onboarding Guide.md`, `onboarding-guide.md`)
 * would be written to one URL: the second is refused, naming both. The same id twice is left
 * to `claim`, which says so in those words.
 */
function claimUrl(urls: Map<string, Page>, page: Page, diagnostics: DiagnosticList): boolean {
  const url = pageUrlPath(page.id);
  const existing = urls.get(url);
  if (!existing) urls.set(url, page);
  if (!existing || existing.id === page.id) return true;
  diagnostics.error(page.source.path, fileStart, ruleIds.duplicateUrl, `\`${page.source.path}\` would be published at \`/${url}/\`, as \`${existing.source.path}\` already is (URLs are lowercase, with hyphens for spaces); rename one of the two files.`);
  return false;
}

function claim<T extends Competency | Page | Role>(entries: Map<string, T>, entry: T, diagnostics: DiagnosticList): void {
  const existing = entries.get(entry.id);
  if (!existing) {
    entries.set(entry.id, entry);
    return;
  }
  diagnostics.error(entry.source.path, fileStart, ruleIds.duplicateId, `\`${entry.source.path}\` claims the id \`${entry.id}\`, which \`${existing.source.path}\` already has; rename or delete one of the two files.`);
}
