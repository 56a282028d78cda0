using Microsoft.EntityFrameworkCore.Migrations;
using TalksTracker.Data.Derived;

#nullable disable

namespace TalksTracker.Data.Postgres.Migrations
{
    /// <summary>
    /// A track's claim count counts the claims about its agenda items too, as the exports and the monthly activity do:
    /// every count is made again from the links already stored, and kept by every save afterwards.
    /// </summary>
    public partial class TrackClaimsAboutAgendaItems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in DerivedFigures.TrackClaimsSql)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to the claims about the track's meetings only.
            migrationBuilder.Sql("""DELETE FROM "TrackClaimFacts" """);
            migrationBuilder.Sql(
                """
                INSERT INTO "TrackClaimFacts" ("TrackId", "Claims")
                SELECT m."TrackId", COUNT(DISTINCT cm."ClaimId")
                FROM "ClaimMeetings" cm JOIN "Meetings" m ON m."Id" = cm."MeetingId"
                GROUP BY m."TrackId"
                """);
        }
    }
}
