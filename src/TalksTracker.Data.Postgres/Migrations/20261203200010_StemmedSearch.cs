using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalksTracker.Data.Postgres.Migrations
{
    /// <summary>
    /// Stemmed search on PostgreSQL: the "talkstracker" configuration now folds diacritics (unaccent) and
    /// then stems with Snowball's original Porter algorithm, the one SQLite's porter tokenizer implements, so
    /// both engines reduce a word to the same stem and give the same answers. The 'english' stemmer
    /// (Porter2) differs on some words ("generously") and drops stop words, which SQLite keeps, hence
    /// this dictionary without a stop-word list. Stored tsvector columns keep what was computed when a row
    /// was written, so both are made again (with their GIN indexes). Raw SQL only: the EF model does not
    /// change (no target model here, so the snapshot is untouched).
    /// </summary>
    [DbContext(typeof(TalksTrackerDbContext))]
    [Migration("20261203200010_StemmedSearch")]
    public partial class StemmedSearch : Migration
    {
        private const string Tokens = "asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE TEXT SEARCH DICTIONARY talkstracker_stem (TEMPLATE = snowball, Language = porter);");
            migrationBuilder.Sql($"ALTER TEXT SEARCH CONFIGURATION talkstracker ALTER MAPPING FOR {Tokens} WITH unaccent, talkstracker_stem;");
            RebuildColumns(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"ALTER TEXT SEARCH CONFIGURATION talkstracker ALTER MAPPING FOR {Tokens} WITH unaccent, simple;");
            RebuildColumns(migrationBuilder);
            migrationBuilder.Sql("DROP TEXT SEARCH DICTIONARY IF EXISTS talkstracker_stem;");
        }

        private static void RebuildColumns(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "Claims" DROP COLUMN IF EXISTS "SearchVector";""");
            migrationBuilder.Sql("""
                ALTER TABLE "Claims" ADD COLUMN "SearchVector" tsvector
                    GENERATED ALWAYS AS (to_tsvector('talkstracker'::regconfig, coalesce("Quote", ''))) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_Claims_SearchVector" ON "Claims" USING GIN ("SearchVector");""");
            migrationBuilder.Sql("""ALTER TABLE "Reports" DROP COLUMN IF EXISTS "SearchVector";""");
            migrationBuilder.Sql("""
                ALTER TABLE "Reports" ADD COLUMN "SearchVector" tsvector
                    GENERATED ALWAYS AS (
                        setweight(to_tsvector('talkstracker'::regconfig, coalesce("Title", '')), 'A')
                        || setweight(to_tsvector('talkstracker'::regconfig, coalesce("Text", '')), 'D')) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_Reports_SearchVector" ON "Reports" USING GIN ("SearchVector");""");
        }
    }
}
