using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalksTracker.Data.Migrations
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
            foreach (var sql in CountTrackClaims)
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

        // Frozen as this migration first ran it (each track's claims counted again: those about its meetings or agenda items): a migration never changes meaning when live code does.
        private static readonly string[] CountTrackClaims =
        [
            """
            DELETE FROM "TrackClaimFacts" 
            """,
            """
            INSERT INTO "TrackClaimFacts" ("TrackId", "Claims")
            SELECT t."TrackId", COUNT(DISTINCT t."ClaimId")
            FROM (SELECT m."TrackId", cm."ClaimId" FROM "ClaimMeetings" cm JOIN "Meetings" m ON m."Id" = cm."MeetingId"
                  UNION ALL
                  SELECT a."TrackId", ca."ClaimId" FROM "ClaimAgendaItems" ca JOIN "AgendaItems" a ON a."Id" = ca."AgendaItemId") t

            GROUP BY t."TrackId"
            """,
        ];
    }
}
