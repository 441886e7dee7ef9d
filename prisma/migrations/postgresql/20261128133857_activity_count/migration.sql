-- CreateTable
CREATE TABLE "ActivityCount" (
    "tenantId" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ActivityCount_pkey" PRIMARY KEY ("tenantId","hour","kind")
);

-- CreateIndex
CREATE INDEX "ActivityCount_hour_idx" ON "ActivityCount"("hour");

-- AddForeignKey
ALTER TABLE "ActivityCount" ADD CONSTRAINT "ActivityCount_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
