import type { SemanticNode } from '../layout/display.ts';

/**
 * Standard structure types of PDF 32000-1 (14.8.4) for what the layout says a thing is. Only
 * standard types are used, so no RoleMap is needed and every reader knows them.
 */
export function structureType(node: SemanticNode): string {
  switch (node.role) {
    case 'document':
      return 'Document';
    case 'heading':
      return `H${node.level ?? 2}`;
    case 'paragraph':
      return 'P';
    case 'list':
      return 'L';
    case 'item':
      return 'LI';
    case 'label':
      return 'Lbl';
    case 'body':
      return 'LBody';
    case 'link':
      return 'Link';
    case 'figure':
      return 'Figure';
  }
}
