-- AlterTable
ALTER TABLE "SessionClient" ADD COLUMN     "position" INTEGER NOT NULL DEFAULT 0;
