-- AlterTable
ALTER TABLE "GestioneSettings" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Office" ADD COLUMN     "address" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- Competence becomes per gestione: each existing province keeps its office in every gestione
-- (the positions' offices, read by routing, already agree with it).
ALTER TABLE "OfficeCompetence" DROP CONSTRAINT "OfficeCompetence_pkey",
ADD COLUMN     "gestione" "Gestione";
INSERT INTO "OfficeCompetence" ("gestione", "province", "officeId")
SELECT g."gestione", c."province", c."officeId"
FROM "OfficeCompetence" c CROSS JOIN unnest(enum_range(NULL::"Gestione")) AS g("gestione")
WHERE c."gestione" IS NULL;
DELETE FROM "OfficeCompetence" WHERE "gestione" IS NULL;
ALTER TABLE "OfficeCompetence" ALTER COLUMN "gestione" SET NOT NULL,
ADD CONSTRAINT "OfficeCompetence_pkey" PRIMARY KEY ("gestione", "province");

-- CreateTable
CREATE TABLE "GestioneSettingsHistory" (
    "gestione" "Gestione" NOT NULL,
    "version" INTEGER NOT NULL,
    "maxFiles" INTEGER NOT NULL,
    "maxBytesPerFile" INTEGER NOT NULL,
    "pecRequired" BOOLEAN NOT NULL,
    "emailOrPhoneRequired" BOOLEAN NOT NULL,
    "supersededAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GestioneSettingsHistory_pkey" PRIMARY KEY ("gestione","version")
);

-- CreateIndex
CREATE INDEX "Position_gestione_province_idx" ON "Position"("gestione", "province");

-- AddForeignKey
ALTER TABLE "GestioneSettingsHistory" ADD CONSTRAINT "GestioneSettingsHistory_gestione_fkey" FOREIGN KEY ("gestione") REFERENCES "GestioneSettings"("gestione") ON DELETE CASCADE ON UPDATE CASCADE;
