/** Item segmentation: ABC by value, XYZ by variability. */
export { abcXyz, DEFAULT_ABC_CUTOFFS, DEFAULT_XYZ_CUTOFFS } from "./abcXyz";
export type { AbcXyzClass, AbcXyzOptions } from "./abcXyz";
