-- AlterTable
ALTER TABLE "annotations" ADD COLUMN     "importedAt" TIMESTAMP(3),
ADD COLUMN     "originalCreated" TIMESTAMP(3),
ADD COLUMN     "originalCreatorName" TEXT;

-- AlterTable
ALTER TABLE "replies" ADD COLUMN     "importedAt" TIMESTAMP(3),
ADD COLUMN     "originalCreated" TIMESTAMP(3),
ADD COLUMN     "originalCreatorName" TEXT;

-- AlterTable
ALTER TABLE "flags" ADD COLUMN     "reviewVersion" INTEGER NOT NULL DEFAULT 1;

