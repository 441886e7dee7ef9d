-- CreateTable
CREATE TABLE "ActivityCount" (
    "tenantId" TEXT NOT NULL,
    "hour" DATETIME NOT NULL,
    "kind" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("tenantId", "hour", "kind"),
    CONSTRAINT "ActivityCount_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ActivityCount_hour_idx" ON "ActivityCount"("hour");
