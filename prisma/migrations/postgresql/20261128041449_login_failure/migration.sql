-- CreateTable
CREATE TABLE "LoginFailure" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "accountKey" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoginFailure_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateIndex
CREATE INDEX "LoginFailure_tenantId_accountKey_at_idx" ON "LoginFailure"("tenantId", "accountKey", "at");

-- CreateIndex
CREATE INDEX "LoginFailure_tenantId_address_at_idx" ON "LoginFailure"("tenantId", "address", "at");

-- CreateIndex
CREATE INDEX "LoginFailure_tenantId_at_idx" ON "LoginFailure"("tenantId", "at");

-- CreateIndex
CREATE INDEX "LoginFailure_expiresAt_idx" ON "LoginFailure"("expiresAt");

-- AddForeignKey
ALTER TABLE "LoginFailure" ADD CONSTRAINT "LoginFailure_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
