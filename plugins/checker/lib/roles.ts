/**
 * Roles and levels: a role's targets name existing competencies and their levels, its
 * `grows_from` existing roles, and a `develops` item's level is one its competency has. Ids and
 * levels are only looked up in the edition, never used as paths.
 */
import { type Competency, competencyIdPattern, closestMatch, didYouMean, type Page, type Role, ruleIds, type Span } from '../../playbook/index.ts';
import { type CheckContext, checkReferent, type Entry, inEdition } from './context.ts';
import { checkCompetencyId } from './frontmatter-references.ts';

export function checkRole(context: CheckContext, role: Role): void {
  for (const [id, level] of Object.entries(role.targets)) {
    const competency = checkCompetencyId(context, role, id, role.source.keySpanOf(['targets', id]));
    if (competency) checkLevel(context, role, competency, level, role.source.spanOf(['targets', id]), 'or remove this target');
  }
  role.grows_from.forEach((id, i) => checkRoleId(context, role, id, role.source.spanOf(['grows_from', i])));
}

/** The levels that `develops` items name; their ids are checked with the other id lists. */
export function checkDevelopsLevels(context: CheckContext, page: Page): void {
  page.developsItems.forEach((item, i) => {
    const competency = item.level === undefined ? undefined : context.index.competency(item.id);
    if (competency) checkLevel(context, page, competency, item.level!, page.source.spanOf(['develops', i, 'level']), 'or leave the level out');
  });
}

/** The role, after reporting it when it does not exist or may not be referred to. */
export function checkRoleId(context: CheckContext, from: Entry, id: string, span: Span): Role | undefined {
  const target = context.index.role(id);
  if (!target) {
    const suggestion = context.index.closestRoleId(id);
    const advice = suggestion
      ? didYouMean(suggestion)
      : competencyIdPattern.test(id)
        ? `; add \`roles/${id}.md\` or name an existing role.`
        : '; a role id is the name of a file in `roles/` without its extension, such as `divisional-director`.';
    context.diagnostics.error(from.source.path, span, ruleIds.unknownRole, `Unknown role \`${id}\`${inEdition(context)}${advice}`, suggestion);
    return undefined;
  }
  checkReferent(context, from, target, span);
  return target;
}

/** @param otherwise what else the author may do, after "use one of the levels" */
function checkLevel(context: CheckContext, from: Entry, competency: Competency, name: string, span: Span, otherwise: string): void {
  const names = competency.levels.map((level) => level.name);
  if (names.includes(name)) return;
  const file = from.source.path;
  if (names.length === 0) {
    context.diagnostics.error(file, span, ruleIds.unknownLevel, `Unknown level \`${name}\`: competency \`${competency.id}\` has no levels; add \`levels\` to \`${competency.source.path}\`, ${otherwise}.`);
    return;
  }
  const suggestion = closestMatch(name, names);
  const advice = suggestion ? didYouMean(suggestion) : `; use one of ${names.map((level) => `\`${level}\``).join(', ')}, ${otherwise}.`;
  context.diagnostics.error(file, span, ruleIds.unknownLevel, `Unknown level \`${name}\` of competency \`${competency.id}\`${advice}`, suggestion);
}
