-- CreateEnum
CREATE TYPE "Guide" AS ENUM ('question', 'instruction');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('reply', 'mention', 'flag_decision', 'assignment_new', 'due_soon');

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "emailDigest" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "assignments" ADD COLUMN     "groupSetId" TEXT;

-- AlterTable
ALTER TABLE "annotations" ADD COLUMN     "codeId" TEXT,
ADD COLUMN     "groupId" TEXT,
ADD COLUMN     "guide" "Guide";

-- AlterTable
ALTER TABLE "change_events" ADD COLUMN     "groupId" TEXT;

-- CreateTable
CREATE TABLE "group_sets" (
    "id" TEXT NOT NULL,
    "classroomId" TEXT NOT NULL,
    "assignmentId" TEXT,
    "ownerKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "group_sets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "student_groups" (
    "id" TEXT NOT NULL,
    "setId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "isUnplaced" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "student_groups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "group_members" (
    "setId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "group_members_pkey" PRIMARY KEY ("setId","userId")
);

-- CreateTable
CREATE TABLE "highlight_codes" (
    "id" TEXT NOT NULL,
    "classroomId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "colour" TEXT NOT NULL,
    "cue" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "highlight_codes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "annotationId" TEXT,
    "replyId" TEXT,
    "actorId" TEXT,
    "changeEventId" BIGINT,
    "flagStatus" "FlagStatus",
    "reason" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),
    "emailedAt" TIMESTAMP(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_cursors" (
    "assignmentId" TEXT NOT NULL,
    "lastEventId" BIGINT NOT NULL,

    CONSTRAINT "notification_cursors_pkey" PRIMARY KEY ("assignmentId")
);

-- CreateIndex
CREATE UNIQUE INDEX "group_sets_assignmentId_key" ON "group_sets"("assignmentId");

-- CreateIndex
CREATE UNIQUE INDEX "group_sets_ownerKey_key" ON "group_sets"("ownerKey");

-- CreateIndex
CREATE INDEX "group_sets_classroomId_idx" ON "group_sets"("classroomId");

-- CreateIndex
CREATE INDEX "student_groups_setId_position_idx" ON "student_groups"("setId", "position");

-- CreateIndex
CREATE INDEX "group_members_groupId_idx" ON "group_members"("groupId");

-- CreateIndex
CREATE INDEX "group_members_userId_idx" ON "group_members"("userId");

-- CreateIndex
CREATE INDEX "highlight_codes_classroomId_position_idx" ON "highlight_codes"("classroomId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "highlight_codes_classroomId_label_key" ON "highlight_codes"("classroomId", "label");

-- CreateIndex
CREATE UNIQUE INDEX "notifications_dedupeKey_key" ON "notifications"("dedupeKey");

-- CreateIndex
CREATE INDEX "notifications_userId_createdAt_idx" ON "notifications"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "notifications_userId_readAt_idx" ON "notifications"("userId", "readAt");

-- CreateIndex
CREATE INDEX "notifications_annotationId_idx" ON "notifications"("annotationId");

-- CreateIndex
CREATE INDEX "annotations_groupId_idx" ON "annotations"("groupId");

-- AddForeignKey
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_groupSetId_fkey" FOREIGN KEY ("groupSetId") REFERENCES "group_sets"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "student_groups"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_codeId_fkey" FOREIGN KEY ("codeId") REFERENCES "highlight_codes"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_sets" ADD CONSTRAINT "group_sets_classroomId_fkey" FOREIGN KEY ("classroomId") REFERENCES "classes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_sets" ADD CONSTRAINT "group_sets_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "assignments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "student_groups" ADD CONSTRAINT "student_groups_setId_fkey" FOREIGN KEY ("setId") REFERENCES "group_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_setId_fkey" FOREIGN KEY ("setId") REFERENCES "group_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "student_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "highlight_codes" ADD CONSTRAINT "highlight_codes_classroomId_fkey" FOREIGN KEY ("classroomId") REFERENCES "classes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "assignments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "annotations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_cursors" ADD CONSTRAINT "notification_cursors_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "assignments"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Notifications start from here: the history already in the change log is not announced again.
INSERT INTO "notification_cursors" ("assignmentId", "lastEventId")
SELECT a."id", COALESCE((SELECT max(e."id") FROM "change_events" e WHERE e."assignmentId" = a."id"), 0)
  FROM "assignments" a;
