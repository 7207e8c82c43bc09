-- CreateEnum
CREATE TYPE "LtiRegistrationKind" AS ENUM ('manual', 'dynamic');

-- CreateEnum
CREATE TYPE "LtiScoreSyncState" AS ENUM ('pending', 'sent', 'failed');

-- AlterTable
ALTER TABLE "assignments" ADD COLUMN     "gradesReleasedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "grades" (
    "assignmentId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "setById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "grades_pkey" PRIMARY KEY ("assignmentId","studentId")
);

-- CreateTable
CREATE TABLE "lti_platforms" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "deploymentIds" TEXT[],
    "authLoginUrl" TEXT NOT NULL,
    "authTokenUrl" TEXT NOT NULL,
    "authServer" TEXT,
    "jwksUrl" TEXT NOT NULL,
    "frameOrigins" TEXT[],
    "registeredVia" "LtiRegistrationKind" NOT NULL DEFAULT 'manual',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "lti_platforms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lti_keys" (
    "kid" TEXT NOT NULL,
    "privateKeyPem" TEXT NOT NULL,
    "publicJwk" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "lti_keys_pkey" PRIMARY KEY ("kid")
);

-- CreateTable
CREATE TABLE "lti_login_states" (
    "state" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "targetLinkUri" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lti_login_states_pkey" PRIMARY KEY ("state")
);

-- CreateTable
CREATE TABLE "lti_users" (
    "id" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "sub" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lti_users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lti_contexts" (
    "id" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "contextId" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "classroomId" TEXT NOT NULL,
    "membershipsUrl" TEXT,
    "lineItemsUrl" TEXT,
    "agsScopes" TEXT[],
    "rosterSyncedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "lti_contexts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lti_resource_links" (
    "id" TEXT NOT NULL,
    "ltiContextId" TEXT NOT NULL,
    "resourceLinkId" TEXT NOT NULL,
    "assignmentId" TEXT,
    "lineItemUrl" TEXT,
    "title" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "lti_resource_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lti_launches" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "ltiContextId" TEXT,
    "resourceLinkId" TEXT,
    "messageType" TEXT NOT NULL,
    "deepLinking" JSONB,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lti_launches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lti_registration_tokens" (
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lti_registration_tokens_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "lti_score_syncs" (
    "id" TEXT NOT NULL,
    "resourceLinkId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "state" "LtiScoreSyncState" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "lastSentScore" DOUBLE PRECISION,
    "lastSentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "lti_score_syncs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "lti_platforms_issuer_clientId_key" ON "lti_platforms"("issuer", "clientId");

-- CreateIndex
CREATE UNIQUE INDEX "lti_login_states_nonce_key" ON "lti_login_states"("nonce");

-- CreateIndex
CREATE INDEX "lti_login_states_expiresAt_idx" ON "lti_login_states"("expiresAt");

-- CreateIndex
CREATE INDEX "lti_users_userId_idx" ON "lti_users"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "lti_users_issuer_sub_key" ON "lti_users"("issuer", "sub");

-- CreateIndex
CREATE UNIQUE INDEX "lti_contexts_classroomId_key" ON "lti_contexts"("classroomId");

-- CreateIndex
CREATE UNIQUE INDEX "lti_contexts_issuer_deploymentId_contextId_key" ON "lti_contexts"("issuer", "deploymentId", "contextId");

-- CreateIndex
CREATE INDEX "lti_resource_links_assignmentId_idx" ON "lti_resource_links"("assignmentId");

-- CreateIndex
CREATE UNIQUE INDEX "lti_resource_links_ltiContextId_resourceLinkId_key" ON "lti_resource_links"("ltiContextId", "resourceLinkId");

-- CreateIndex
CREATE INDEX "lti_launches_expiresAt_idx" ON "lti_launches"("expiresAt");

-- CreateIndex
CREATE INDEX "lti_score_syncs_state_nextAttemptAt_idx" ON "lti_score_syncs"("state", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "lti_score_syncs_resourceLinkId_userId_key" ON "lti_score_syncs"("resourceLinkId", "userId");

-- AddForeignKey
ALTER TABLE "grades" ADD CONSTRAINT "grades_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "assignments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "grades" ADD CONSTRAINT "grades_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "grades" ADD CONSTRAINT "grades_setById_fkey" FOREIGN KEY ("setById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_login_states" ADD CONSTRAINT "lti_login_states_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "lti_platforms"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_users" ADD CONSTRAINT "lti_users_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_contexts" ADD CONSTRAINT "lti_contexts_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "lti_platforms"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_contexts" ADD CONSTRAINT "lti_contexts_classroomId_fkey" FOREIGN KEY ("classroomId") REFERENCES "classes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_resource_links" ADD CONSTRAINT "lti_resource_links_ltiContextId_fkey" FOREIGN KEY ("ltiContextId") REFERENCES "lti_contexts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_resource_links" ADD CONSTRAINT "lti_resource_links_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "assignments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_launches" ADD CONSTRAINT "lti_launches_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_launches" ADD CONSTRAINT "lti_launches_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "lti_platforms"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_launches" ADD CONSTRAINT "lti_launches_ltiContextId_fkey" FOREIGN KEY ("ltiContextId") REFERENCES "lti_contexts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_launches" ADD CONSTRAINT "lti_launches_resourceLinkId_fkey" FOREIGN KEY ("resourceLinkId") REFERENCES "lti_resource_links"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_score_syncs" ADD CONSTRAINT "lti_score_syncs_resourceLinkId_fkey" FOREIGN KEY ("resourceLinkId") REFERENCES "lti_resource_links"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_score_syncs" ADD CONSTRAINT "lti_score_syncs_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

