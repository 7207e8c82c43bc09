-- AlterTable
ALTER TABLE "replies" ADD COLUMN     "groupId" TEXT;

-- CreateIndex
CREATE INDEX "replies_groupId_idx" ON "replies"("groupId");

-- AddForeignKey
ALTER TABLE "replies" ADD CONSTRAINT "replies_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "student_groups"("id") ON DELETE NO ACTION ON UPDATE CASCADE;
