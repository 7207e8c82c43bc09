-- AlterTable
ALTER TABLE "source_files" ADD COLUMN     "storageKey" TEXT,
ALTER COLUMN "bytes" DROP NOT NULL;

