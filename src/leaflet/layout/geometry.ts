import type { PanelNumber } from '../model.ts';

/**
 * IMPOSITION — A4 landscape, printed on both sides (duplex, "flip on short edge"), folded in three
 * as a letter fold ("pli roulé"):
 *
 *   page 1 = outside of the sheet            page 2 = inside of the sheet
 *   ┌──────────┬───────────┬───────────┐     ┌───────────┬───────────┬──────────┐
 *   │ 5        │ 6         │ 1         │     │ 2         │ 3         │ 4        │
 *   │ inner    │ back      │ cover     │     │ inside    │ inside    │ inside   │
 *   │ flap     │           │           │     │ left      │ middle    │ right    │
 *   └──────────┴───────────┴───────────┘     └───────────┴───────────┴──────────┘
 *      97 mm       100 mm      100 mm           100 mm      100 mm       97 mm
 *
 * Panel 4 (inside right) and panel 5 (its other face) fold in first, then the cover side folds over
 * them. That panel is 3 mm narrower so that it tucks inside the fold without buckling.
 * Once folded, a reader meets: 1 (cover) → opens it → 2, 3, 4 (unfolded inside) → 5 (the flap seen
 * when the cover is lifted, read after the inside) → 6 (back). The tag tree follows that order,
 * not the left-to-right order of the flat sheet.
 */

/** 1 mm in PDF points. */
export const mm = 72 / 25.4;

/** A4 landscape, in points. */
export const sheet = { width: 297 * mm, height: 210 * mm } as const;

/** Widths of the three columns, left to right, on the outside face; mirrored on the inside face. */
const wide = 100 * mm;
const narrow = 97 * mm;

/** Space between the panel's edge (a fold or the sheet's edge) and its text. */
export const panelPadding = { side: 10 * mm, top: 10 * mm, bottom: 10 * mm } as const;

export interface PanelBox {
  panel: PanelNumber;
  /** 0 = outside face (page 1), 1 = inside face (page 2). */
  page: 0 | 1;
  /** Left edge of the panel on its page. */
  x: number;
  width: number;
}

export const panels: Record<PanelNumber, PanelBox> = {
  5: { panel: 5, page: 0, x: 0, width: narrow },
  6: { panel: 6, page: 0, x: narrow, width: wide },
  1: { panel: 1, page: 0, x: narrow + wide, width: wide },
  2: { panel: 2, page: 1, x: 0, width: wide },
  3: { panel: 3, page: 1, x: wide, width: wide },
  4: { panel: 4, page: 1, x: 2 * wide, width: narrow },
};

/** x positions of the folds on each face: fold marks are drawn there. */
export const folds: Record<0 | 1, number[]> = {
  0: [narrow, narrow + wide],
  1: [wide, 2 * wide],
};

/** Text area of a panel in PDF coordinates (origin at the bottom-left of the page). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function panelTextArea(panel: PanelNumber): Rect & { page: 0 | 1 } {
  const box = panels[panel];
  return {
    page: box.page,
    x: box.x + panelPadding.side,
    y: panelPadding.bottom,
    width: box.width - 2 * panelPadding.side,
    height: sheet.height - panelPadding.top - panelPadding.bottom,
  };
}
