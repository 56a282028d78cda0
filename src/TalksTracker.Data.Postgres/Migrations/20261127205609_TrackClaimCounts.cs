using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalksTracker.Data.Postgres.Migrations
{
    /// <summary>
    /// The tracks list at a million claims: each track's count of claims about its meetings, filled here from the links
    /// already stored and kept by every save afterwards.
    /// </summary>
    public partial class TrackClaimCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TrackClaimFacts",
                columns: table => new
                {
                    TrackId = table.Column<int>(type: "integer", nullable: false),
                    Claims = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrackClaimFacts", x => x.TrackId);
                    table.ForeignKey(
                        name: "FK_TrackClaimFacts_Tracks_TrackId",
                        column: x => x.TrackId,
                        principalTable: "Tracks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            foreach (var sql in CountTrackClaims)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TrackClaimFacts");
        }

        // Frozen as this migration first ran it (each track's claims counted: those about its meetings): a migration never changes meaning when live code does.
        private static readonly string[] CountTrackClaims =
        [
            """
            DELETE FROM "TrackClaimFacts" 
            """,
            """
            INSERT INTO "TrackClaimFacts" ("TrackId", "Claims")
            SELECT m."TrackId", COUNT(DISTINCT cm."ClaimId")
            FROM "ClaimMeetings" cm JOIN "Meetings" m ON m."Id" = cm."MeetingId"

            GROUP BY m."TrackId"
            """,
        ];
    }
}
