-- AlterTable
ALTER TABLE "change_events" ADD COLUMN     "ownerId" TEXT,
ADD COLUMN     "scope" "Scope";

