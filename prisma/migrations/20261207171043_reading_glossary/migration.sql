-- AlterTable
ALTER TABLE "essay_revisions" ADD COLUMN     "glossary" JSONB;

