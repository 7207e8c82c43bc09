export { assembleSourceText } from "./assemble";
export { readPdfPage } from "./pdf-text";
export type { PdfPageText, PdfTextItem } from "./pdf-text";
export { LOW_CONFIDENCE, isLowConfidence, readOcrPage } from "./ocr-text";
export type { OcrPage, OcrWord } from "./ocr-text";
export { clampToPage, describeOnPage, isWithinOnePage, pageIndexAt, runsOverlapping, spanBox } from "./pages";
export { normalizeTranscription, reviseTranscription } from "./revise-transcription";
export { MAX_IMAGE_PIXELS, MAX_OCR_PAGES, MAX_PDF_PAGES, MAX_SOURCE_BYTES, isDisplayableImage, needsAltText, ocrPageLimit, sniffMediaType } from "./limits";
export type { SourceMediaType } from "./limits";
export { readStoredGeometry } from "./stored-geometry";
export type { Box, FoundPage, FoundRun, PageGeometry, SourceGeometry, SourceText, TextRun } from "./types";
export { pictureSourceText } from "./picture";
export {
  MAX_POLYGON_POINTS,
  MEDIA_FRAGMENT_SPEC,
  centredRegion,
  checkRegion,
  describeRegion,
  moveRegion,
  normalizeRegion,
  parseFragmentValue,
  parseSvgValue,
  regionBounds,
  resizeRegion,
  toFragmentValue,
  toSvgValue,
} from "./regions";
export type { PolygonRegion, RectRegion, Region } from "./regions";
