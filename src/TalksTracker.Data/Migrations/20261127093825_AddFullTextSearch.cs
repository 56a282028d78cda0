using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalksTracker.Data.Migrations
{
    /// <summary>
    /// Full-text search on SQLite: FTS5 indexes over claim quotes and report titles and texts. They are
    /// external-content tables (the text lives only in Claims and Reports), kept in sync by triggers on
    /// every insert, update and delete, and filled from the rows already there. Not part of the EF model.
    /// </summary>
    public partial class AddFullTextSearch : Migration
    {
        private const string Tokenizer = "tokenize = 'unicode61 remove_diacritics 2'";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"CREATE VIRTUAL TABLE ClaimSearch USING fts5(Quote, content = 'Claims', content_rowid = 'Id', {Tokenizer});");
            migrationBuilder.Sql("""
                CREATE TRIGGER Claims_AfterInsert_Search AFTER INSERT ON Claims BEGIN
                    INSERT INTO ClaimSearch(rowid, Quote) VALUES (new.Id, new.Quote);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Claims_AfterDelete_Search AFTER DELETE ON Claims BEGIN
                    INSERT INTO ClaimSearch(ClaimSearch, rowid, Quote) VALUES ('delete', old.Id, old.Quote);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Claims_AfterUpdate_Search AFTER UPDATE OF Id, Quote ON Claims BEGIN
                    INSERT INTO ClaimSearch(ClaimSearch, rowid, Quote) VALUES ('delete', old.Id, old.Quote);
                    INSERT INTO ClaimSearch(rowid, Quote) VALUES (new.Id, new.Quote);
                END;
                """);
            migrationBuilder.Sql("INSERT INTO ClaimSearch(ClaimSearch) VALUES ('rebuild');");

            migrationBuilder.Sql($"CREATE VIRTUAL TABLE ReportSearch USING fts5(Title, Text, content = 'Reports', content_rowid = 'Id', {Tokenizer});");
            migrationBuilder.Sql("""
                CREATE TRIGGER Reports_AfterInsert_Search AFTER INSERT ON Reports BEGIN
                    INSERT INTO ReportSearch(rowid, Title, Text) VALUES (new.Id, new.Title, new.Text);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Reports_AfterDelete_Search AFTER DELETE ON Reports BEGIN
                    INSERT INTO ReportSearch(ReportSearch, rowid, Title, Text) VALUES ('delete', old.Id, old.Title, old.Text);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Reports_AfterUpdate_Search AFTER UPDATE OF Id, Title, Text ON Reports BEGIN
                    INSERT INTO ReportSearch(ReportSearch, rowid, Title, Text) VALUES ('delete', old.Id, old.Title, old.Text);
                    INSERT INTO ReportSearch(rowid, Title, Text) VALUES (new.Id, new.Title, new.Text);
                END;
                """);
            migrationBuilder.Sql("INSERT INTO ReportSearch(ReportSearch) VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Reports_AfterUpdate_Search;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Reports_AfterDelete_Search;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Reports_AfterInsert_Search;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS ReportSearch;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Claims_AfterUpdate_Search;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Claims_AfterDelete_Search;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Claims_AfterInsert_Search;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS ClaimSearch;");
        }
    }
}
