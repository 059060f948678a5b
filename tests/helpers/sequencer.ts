import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The longest files first, the page sweep and the screen-reader journeys before all: they need only the first of the global
 * builds, and everything else fits beside it. Vitest's own order (by duration of the previous run,
 * or by file size on a fresh clone) started it after five minutes of shorter files.
 */
const first = ['tests/browser/pages.test.ts', 'tests/screen-reader/journeys.test.ts', 'tests/typecheck.test.ts', 'tests/build/directory-import.test.ts', 'tests/build/atomic-build.test.ts', 'tests/build/html-validity.test.ts'];

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const i = first.findIndex((path) => file.moduleId.endsWith(path));
      return i < 0 ? first.length : i;
    };
    return sorted.map((file, i) => ({ file, i })).sort((a, b) => rank(a.file) - rank(b.file) || a.i - b.i).map(({ file }) => file);
  }
}
