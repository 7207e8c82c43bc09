-- CreateEnum
CREATE TYPE "AccountRole" AS ENUM ('admin', 'teacher', 'student');

-- CreateEnum
CREATE TYPE "InvitationRole" AS ENUM ('student', 'teacher');

-- CreateEnum
CREATE TYPE "InvitationStatus" AS ENUM ('pending', 'accepted', 'declined', 'revoked');

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "accountRole" "AccountRole" NOT NULL DEFAULT 'student',
ADD COLUMN     "oneTimePasswordExpiresAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "assignments" ADD COLUMN     "archivedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "invitations" (
    "id" TEXT NOT NULL,
    "classroomId" TEXT,
    "role" "InvitationRole" NOT NULL,
    "email" TEXT NOT NULL,
    "inviterId" TEXT,
    "status" "InvitationStatus" NOT NULL DEFAULT 'pending',
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "respondedAt" TIMESTAMP(3),

    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "invitations_email_status_idx" ON "invitations"("email", "status");

-- CreateIndex
CREATE INDEX "invitations_classroomId_status_idx" ON "invitations"("classroomId", "status");

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_classroomId_fkey" FOREIGN KEY ("classroomId") REFERENCES "classes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_inviterId_fkey" FOREIGN KEY ("inviterId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill: teachers of a class keep teaching, and the oldest of them administers
UPDATE "users" SET "accountRole" = 'teacher'
 WHERE "id" IN (SELECT "userId" FROM "memberships" WHERE "role" = 'teacher');
UPDATE "users" SET "accountRole" = 'admin'
 WHERE "id" = (SELECT "id" FROM "users" WHERE "accountRole" = 'teacher' ORDER BY "createdAt", "id" LIMIT 1);
-- One-time passwords handed out earlier get 7 days from now
UPDATE "users" SET "oneTimePasswordExpiresAt" = now() + interval '7 days' WHERE "mustChangePassword";
