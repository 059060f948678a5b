/**
 * Where the content lives. Tests and the benchmark build other content trees (fixtures, synthetic
 * territories) with the same code by setting SAI_CONTENT_DIR.
 */
export const contentDir: string = process.env.SAI_CONTENT_DIR ?? './content';
