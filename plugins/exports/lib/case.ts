/**
 * `case.json`: the competency catalogue as a 1EdTech CASE 1.1 CFPackage, which HR and
 * learning systems import. Each cluster is a CFItem that is a child of the document, each
 * competency a CFItem that is a child of its cluster, `related` becomes `isRelatedTo`, and a
 * competency's levels become a CFRubric with one criterion level per level, in order.
 * Identifiers are stable (see `ids.ts`), so importing a later build or edition updates the
 * framework instead of adding a second copy.
 */
import { clusters, type Competency, type SiteEdition } from '../../playbook/index.ts';
import { absoluteUrl, changedAt, type ExportContext } from './context.ts';
import { type StableId, stableIds } from './ids.ts';
import { publishedLinks } from './links.ts';

/** A reference to another CASE object: CASE's LinkURI. */
export interface LinkUri {
  title: string;
  identifier: string;
  uri: string;
}

export interface CaseItem {
  identifier: string;
  uri: string;
  fullStatement: string;
  abbreviatedStatement?: string;
  humanCodingScheme: string;
  conceptKeywords?: string[];
  CFItemType: string;
  CFItemTypeURI: LinkUri;
  CFDocumentURI: LinkUri;
  lastChangeDateTime: string;
}

export interface CaseAssociation {
  identifier: string;
  uri: string;
  associationType: 'isChildOf' | 'isRelatedTo';
  sequenceNumber?: number;
  originNodeURI: LinkUri;
  destinationNodeURI: LinkUri;
  CFDocumentURI: LinkUri;
  lastChangeDateTime: string;
}

export interface CaseItemType {
  identifier: string;
  uri: string;
  title: string;
  description: string;
  hierarchyCode: string;
  lastChangeDateTime: string;
}

export interface CaseRubricCriterionLevel {
  identifier: string;
  uri: string;
  quality: string;
  description: string;
  score: number;
  position: number;
  rubricCriterionId: string;
  lastChangeDateTime: string;
}

export interface CaseRubric {
  identifier: string;
  uri: string;
  title: string;
  description: string;
  lastChangeDateTime: string;
  CFRubricCriteria: {
    identifier: string;
    uri: string;
    category: string;
    description: string;
    CFItemURI: LinkUri;
    position: number;
    rubricId: string;
    lastChangeDateTime: string;
    CFRubricCriterionLevels: CaseRubricCriterionLevel[];
  }[];
}

export interface CasePackage {
  CFDocument: {
    identifier: string;
    uri: string;
    creator: string;
    title: string;
    description: string;
    officialSourceURL: string;
    version: string;
    adoptionStatus: 'Adopted' | 'Deprecated';
    caseVersion: '1.1';
    lastChangeDateTime: string;
    CFPackageURI: LinkUri;
  };
  CFItems: CaseItem[];
  CFAssociations: CaseAssociation[];
  CFDefinitions: { CFItemTypes: CaseItemType[] };
  CFRubrics: CaseRubric[];
}

/** What the package is made with: the ids, the package's own URL and a reference to its document. */
interface Builder {
  site: SiteEdition;
  context: ExportContext;
  id: StableId;
  /** The URL of `case.json`; objects without a page of their own are fragments of it. */
  packageUrl: string;
  document: LinkUri;
  itemTypes: Record<'competency' | 'cluster', LinkUri>;
}

export function casePackage(site: SiteEdition, context: ExportContext, packageUrl: string): CasePackage {
  const id = stableIds(context.siteUrl);
  const title = `${context.title}: competencies`;
  const document: LinkUri = { title, identifier: id('document'), uri: packageUrl };
  const typeLink = (name: string): LinkUri => ({ title: name, identifier: id('item-type', name), uri: `${packageUrl}#${id('item-type', name)}` });
  const builder: Builder = { site, context, id, packageUrl, document, itemTypes: { competency: typeLink('Competency'), cluster: typeLink('Cluster') } };
  const groups = clusters.map((cluster) => ({ cluster, competencies: site.competencies.filter((c) => c.cluster === cluster) })).filter((group) => group.competencies.length > 0);
  const clusterItems = groups.map((group) => clusterItem(builder, group.cluster));
  const competencyItems = site.competencies.map((competency) => competencyItem(builder, competency));
  const byId = new Map(site.competencies.map((competency, at) => [competency.id, competencyItems[at]!]));
  return {
    CFDocument: {
      identifier: document.identifier,
      uri: packageUrl,
      creator: context.title,
      title,
      description: `The competencies of ${context.title}, ${site.isCurrent ? 'current edition' : `edition ${site.label}`}, by cluster, with their proficiency levels.`,
      officialSourceURL: absoluteUrl(context, site.competenciesUrl),
      version: site.label,
      adoptionStatus: site.edition.archived ? 'Deprecated' : 'Adopted',
      caseVersion: '1.1',
      lastChangeDateTime: changedAt(context),
      CFPackageURI: document,
    },
    CFItems: [...clusterItems, ...competencyItems],
    CFAssociations: [
      ...clusterItems.map((item, at) => association(builder, 'isChildOf', item, document, at + 1)),
      ...groups.flatMap((group, at) => group.competencies.map((competency, position) => association(builder, 'isChildOf', byId.get(competency.id)!, clusterItems[at]!, position + 1))),
      ...site.competencies.flatMap((competency) => publishedLinks(site, competency).related.map((other) => association(builder, 'isRelatedTo', byId.get(competency.id)!, byId.get(other)!))),
    ],
    CFDefinitions: { CFItemTypes: [itemType(builder, 'cluster', 'A group of related competencies.'), itemType(builder, 'competency', 'A leadership capability, with its proficiency levels.')] },
    CFRubrics: site.competencies.filter((competency) => competency.levels.length > 0).map((competency) => rubric(builder, competency, byId.get(competency.id)!)),
  };
}

function link(item: CaseItem): LinkUri {
  return { title: item.abbreviatedStatement ?? item.fullStatement, identifier: item.identifier, uri: item.uri };
}

function clusterItem(builder: Builder, cluster: Competency['cluster']): CaseItem {
  const { context, site, id } = builder;
  const name = context.labels.clusters[cluster];
  return {
    identifier: id('cluster', cluster),
    uri: absoluteUrl(context, `${site.competenciesUrl}#cluster-${cluster}`),
    fullStatement: name,
    humanCodingScheme: cluster,
    CFItemType: builder.itemTypes.cluster.title,
    CFItemTypeURI: builder.itemTypes.cluster,
    CFDocumentURI: builder.document,
    lastChangeDateTime: changedAt(context),
  };
}

function competencyItem(builder: Builder, competency: Competency): CaseItem {
  const { context, site, id } = builder;
  return {
    identifier: id('competency', competency.id),
    uri: absoluteUrl(context, site.competencyUrl(competency.id)),
    fullStatement: competency.summary,
    abbreviatedStatement: competency.name,
    humanCodingScheme: competency.id,
    ...(competency.priorities.length ? { conceptKeywords: competency.priorities } : {}),
    CFItemType: builder.itemTypes.competency.title,
    CFItemTypeURI: builder.itemTypes.competency,
    CFDocumentURI: builder.document,
    lastChangeDateTime: changedAt(context, competency),
  };
}

function association(builder: Builder, type: CaseAssociation['associationType'], origin: CaseItem, destination: CaseItem | LinkUri, sequenceNumber?: number): CaseAssociation {
  const destinationLink = 'fullStatement' in destination ? link(destination) : destination;
  const identifier = builder.id('association', type, origin.identifier, destinationLink.identifier);
  return {
    identifier,
    uri: `${builder.packageUrl}#${identifier}`,
    associationType: type,
    ...(sequenceNumber ? { sequenceNumber } : {}),
    originNodeURI: link(origin),
    destinationNodeURI: destinationLink,
    CFDocumentURI: builder.document,
    lastChangeDateTime: changedAt(builder.context),
  };
}

function itemType(builder: Builder, kind: 'competency' | 'cluster', description: string): CaseItemType {
  const type = builder.itemTypes[kind];
  return { identifier: type.identifier, uri: type.uri, title: type.title, description, hierarchyCode: kind, lastChangeDateTime: changedAt(builder.context) };
}

/** The levels as one criterion (the competency) with one level each, in the order of proficiency. */
function rubric(builder: Builder, competency: Competency, item: CaseItem): CaseRubric {
  const { id, packageUrl } = builder;
  const lastChangeDateTime = changedAt(builder.context, competency);
  const rubricId = id('rubric', competency.id);
  const criterionId = id('rubric-criterion', competency.id);
  return {
    identifier: rubricId,
    uri: `${packageUrl}#${rubricId}`,
    title: `${competency.name}: levels`,
    description: competency.summary,
    lastChangeDateTime,
    CFRubricCriteria: [{
      identifier: criterionId,
      uri: `${packageUrl}#${criterionId}`,
      category: competency.name,
      description: competency.summary,
      CFItemURI: link(item),
      position: 1,
      rubricId,
      lastChangeDateTime,
      CFRubricCriterionLevels: competency.levels.map((level, at) => {
        const levelId = id('rubric-level', competency.id, level.name);
        return { identifier: levelId, uri: `${packageUrl}#${levelId}`, quality: level.name, description: level.description, score: at + 1, position: at + 1, rubricCriterionId: criterionId, lastChangeDateTime };
      }),
    }],
  };
}
