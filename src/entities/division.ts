import type { DivisionLevel } from '../types.js';

/** An administrative division from the gazetteer (GB/T 2260). */
export interface Division {
  name: string;
  code: string;
  level: DivisionLevel;
  parent?: string;
}
