-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SessionClient" (
    "tenantId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("tenantId", "sessionId", "clientId"),
    CONSTRAINT "SessionClient_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_SessionClient" ("clientId", "sessionId", "tenantId") SELECT "clientId", "sessionId", "tenantId" FROM "SessionClient";
DROP TABLE "SessionClient";
ALTER TABLE "new_SessionClient" RENAME TO "SessionClient";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
