using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalksTracker.Data.Migrations
{
    /// <summary>
    /// Stemmed search on SQLite: the ClaimSearch and ReportSearch indexes are made again with the porter
    /// tokenizer over unicode61 (so "deployment" finds "deployments", "militia" finds "militias"), and
    /// filled from Claims and Reports. An FTS5 table's tokenizer is fixed when it is created, hence drop and
    /// create; the triggers of AddFullTextSearch name the tables only, so they stay as they are. Raw SQL
    /// only: the EF model does not change (no target model here, so the snapshot is untouched).
    /// </summary>
    [DbContext(typeof(TalksTrackerDbContext))]
    [Migration("20261203200000_StemmedSearch")]
    public partial class StemmedSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            Rebuild(migrationBuilder, "tokenize = 'porter unicode61 remove_diacritics 2'");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            Rebuild(migrationBuilder, "tokenize = 'unicode61 remove_diacritics 2'");

        private static void Rebuild(MigrationBuilder migrationBuilder, string tokenizer)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS ClaimSearch;");
            migrationBuilder.Sql($"CREATE VIRTUAL TABLE ClaimSearch USING fts5(Quote, content = 'Claims', content_rowid = 'Id', {tokenizer});");
            migrationBuilder.Sql("INSERT INTO ClaimSearch(ClaimSearch) VALUES ('rebuild');");
            migrationBuilder.Sql("DROP TABLE IF EXISTS ReportSearch;");
            migrationBuilder.Sql($"CREATE VIRTUAL TABLE ReportSearch USING fts5(Title, Text, content = 'Reports', content_rowid = 'Id', {tokenizer});");
            migrationBuilder.Sql("INSERT INTO ReportSearch(ReportSearch) VALUES ('rebuild');");
        }
    }
}
