-- CreateTable
CREATE TABLE "InitialAccessToken" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "description" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME,

    PRIMARY KEY ("tenantId", "id"),
    CONSTRAINT "InitialAccessToken_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "InitialAccessToken_expiresAt_idx" ON "InitialAccessToken"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "InitialAccessToken_tenantId_hash_key" ON "InitialAccessToken"("tenantId", "hash");
