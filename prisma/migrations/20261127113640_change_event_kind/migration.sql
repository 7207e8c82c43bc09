-- AlterTable
ALTER TABLE "change_events" ADD COLUMN     "kind" "AnnotationKind";

