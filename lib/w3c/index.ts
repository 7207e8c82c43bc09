export { fromW3CAnnotation, type W3CImportResult } from "./from-w3c-annotation";
export {
  toAnnotationCollection,
  type CollectionDocuments,
  type CollectionOptions,
} from "./to-annotation-collection";
export { toW3CAnnotation } from "./to-w3c-annotation";
export type * from "./types";
export { ANNO_CONTEXT, W3C_MOTIVATIONS, type W3CMotivation } from "./vocabulary";
