/**
 * The SOP functions the preview can evaluate: the functions associated by the build (see
 * customFunctionsShim.ts) joined with their parameter descriptions from the generated functions.json.
 */
import { associatedFunctions } from "./customFunctionsShim";
import type { ParameterSpec, SopFunction } from "./formula";

/** The part of functions.json the preview reads. */
interface FunctionsMetadata {
  functions: {
    id: string;
    parameters?: { name: string; type?: string; dimensionality?: string; optional?: boolean }[];
  }[];
}

const TYPES: readonly ParameterSpec["type"][] = ["number", "string", "boolean", "any"];

/**
 * Load functions.json and pair each described function with its code.
 * @param url where functions.json is served (next to preview.html)
 * @returns the callable functions by upper-case id
 * @throws Error when functions.json cannot be fetched
 * @example const functions = await loadFunctionCatalog("functions.json"); functions.get("GAP")
 */
export async function loadFunctionCatalog(url: string): Promise<ReadonlyMap<string, SopFunction>> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`functions.json could not be loaded (HTTP ${response.status}).`);
  const metadata = (await response.json()) as FunctionsMetadata;
  const code = associatedFunctions();
  const catalog = new Map<string, SopFunction>();
  for (const entry of metadata.functions) {
    const invoke = code.get(entry.id.toUpperCase());
    if (!invoke) continue;
    catalog.set(entry.id.toUpperCase(), {
      id: entry.id.toUpperCase(),
      invoke,
      parameters: (entry.parameters ?? []).map((parameter) => ({
        name: parameter.name,
        type: TYPES.find((type) => type === parameter.type) ?? "any",
        dimensionality: parameter.dimensionality === "matrix" ? "matrix" : "scalar",
        optional: parameter.optional === true,
      })),
    });
  }
  return catalog;
}
