import { topicSections } from '../schemas/topic.ts';
import type { TopicMeta } from './types.ts';

export const sectionTitles: Record<(typeof topicSections)[number], string> = {
  demarches: 'Vos démarches',
  comprendre: 'Comprendre les règles',
  service: 'Le service et ses partenaires',
};

export function topicsBySection(topics: readonly TopicMeta[]) {
  return topicSections
    .map((section) => ({
      section,
      title: sectionTitles[section],
      topics: topics
        .filter((t) => t.nav.section === section)
        .sort((a, b) => a.nav.order - b.nav.order || a.title.localeCompare(b.title, 'fr')),
    }))
    .filter((group) => group.topics.length > 0);
}

/** "Is this topic past its review date?" — a pure function of a given day, never of the clock. */
export function isPastReview(topic: TopicMeta, today: string): boolean {
  return topic.reviewBy < today;
}

/** The topics that answer an applicant's situation (`situation:` in their front matter), in navigation order. */
export function situationTopics(topics: readonly TopicMeta[]): (TopicMeta & { situation: string })[] {
  return topics
    .filter((t): t is TopicMeta & { situation: string } => t.situation !== undefined)
    .sort((a, b) => a.nav.order - b.nav.order || a.title.localeCompare(b.title, 'fr'));
}
