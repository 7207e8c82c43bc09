-- AlterEnum
ALTER TYPE "SourceKind" ADD VALUE 'image';

-- AlterTable
ALTER TABLE "annotations" ADD COLUMN     "region" JSONB;

