-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('text', 'pdf', 'scan');

-- CreateEnum
CREATE TYPE "SourceJobStatus" AS ENUM ('queued', 'running', 'done', 'failed');

-- AlterEnum
ALTER TYPE "FlagCategory" ADD VALUE 'transcription';

-- AlterTable
ALTER TABLE "essays" ADD COLUMN     "altText" TEXT,
ADD COLUMN     "sourceKind" "SourceKind" NOT NULL DEFAULT 'text';

-- AlterTable
ALTER TABLE "essay_revisions" ADD COLUMN     "geometry" JSONB,
ADD COLUMN     "sourceFileId" TEXT;

-- CreateTable
CREATE TABLE "source_files" (
    "id" TEXT NOT NULL,
    "essayId" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "fileName" TEXT NOT NULL DEFAULT '',
    "isDerived" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "source_files_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "source_jobs" (
    "id" TEXT NOT NULL,
    "essayId" TEXT NOT NULL,
    "sourceFileId" TEXT NOT NULL,
    "status" "SourceJobStatus" NOT NULL DEFAULT 'queued',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "stage" TEXT NOT NULL DEFAULT 'Waiting for a free worker',
    "message" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "revisionNumber" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "source_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "source_files_essayId_sha256_idx" ON "source_files"("essayId", "sha256");

-- CreateIndex
CREATE INDEX "source_jobs_essayId_createdAt_idx" ON "source_jobs"("essayId", "createdAt");

-- AddForeignKey
ALTER TABLE "essay_revisions" ADD CONSTRAINT "essay_revisions_sourceFileId_fkey" FOREIGN KEY ("sourceFileId") REFERENCES "source_files"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_files" ADD CONSTRAINT "source_files_essayId_fkey" FOREIGN KEY ("essayId") REFERENCES "essays"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_jobs" ADD CONSTRAINT "source_jobs_essayId_fkey" FOREIGN KEY ("essayId") REFERENCES "essays"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_jobs" ADD CONSTRAINT "source_jobs_sourceFileId_fkey" FOREIGN KEY ("sourceFileId") REFERENCES "source_files"("id") ON DELETE CASCADE ON UPDATE CASCADE;

