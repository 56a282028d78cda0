using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalksTracker.Data.Postgres.Migrations
{
    /// <summary>
    /// Full-text search on PostgreSQL: a text search configuration "talkstracker" ('simple' words, no
    /// stemming, diacritics removed by unaccent, as SQLite's unicode61 remove_diacritics tokenizer does),
    /// generated tsvector columns over claim quotes and report titles (weight A) and texts (weight D),
    /// and GIN indexes on them. The database keeps them in step on every write; not part of the EF model.
    /// </summary>
    public partial class FullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
            migrationBuilder.Sql("CREATE TEXT SEARCH CONFIGURATION talkstracker (COPY = pg_catalog.simple);");
            migrationBuilder.Sql("""
                ALTER TEXT SEARCH CONFIGURATION talkstracker
                    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart
                    WITH unaccent, simple;
                """);
            migrationBuilder.Sql("""
                ALTER TABLE "Claims" ADD COLUMN "SearchVector" tsvector
                    GENERATED ALWAYS AS (to_tsvector('talkstracker'::regconfig, coalesce("Quote", ''))) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_Claims_SearchVector" ON "Claims" USING GIN ("SearchVector");""");
            migrationBuilder.Sql("""
                ALTER TABLE "Reports" ADD COLUMN "SearchVector" tsvector
                    GENERATED ALWAYS AS (
                        setweight(to_tsvector('talkstracker'::regconfig, coalesce("Title", '')), 'A')
                        || setweight(to_tsvector('talkstracker'::regconfig, coalesce("Text", '')), 'D')) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_Reports_SearchVector" ON "Reports" USING GIN ("SearchVector");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Reports_SearchVector";""");
            migrationBuilder.Sql("""ALTER TABLE "Reports" DROP COLUMN IF EXISTS "SearchVector";""");
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Claims_SearchVector";""");
            migrationBuilder.Sql("""ALTER TABLE "Claims" DROP COLUMN IF EXISTS "SearchVector";""");
            migrationBuilder.Sql("DROP TEXT SEARCH CONFIGURATION IF EXISTS talkstracker;");
        }
    }
}
