using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalksTracker.Data.Migrations
{
    /// <summary>
    /// The timeline at a million claims: per-meeting figures derived from the claims (count, best source
    /// reliability, actors and agenda items named), filled here from the claims already stored and kept by
    /// every save afterwards (the origins, counted in C#, are completed when the app starts); and indexes in
    /// the timeline's order.
    /// </summary>
    public partial class TimelineAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MeetingClaimAgendaItems",
                columns: table => new
                {
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgendaItemId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingClaimAgendaItems", x => new { x.MeetingId, x.AgendaItemId });
                    table.ForeignKey(
                        name: "FK_MeetingClaimAgendaItems_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeetingClaimAgendaItems_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingClaimFacts",
                columns: table => new
                {
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Claims = table.Column<int>(type: "INTEGER", nullable: false),
                    BestReliability = table.Column<int>(type: "INTEGER", nullable: true),
                    IndependentOrigins = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingClaimFacts", x => x.MeetingId);
                    table.ForeignKey(
                        name: "FK_MeetingClaimFacts_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingMentions",
                columns: table => new
                {
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingMentions", x => new { x.MeetingId, x.ActorId });
                    table.ForeignKey(
                        name: "FK_MeetingMentions_Actors_ActorId",
                        column: x => x.ActorId,
                        principalTable: "Actors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeetingMentions_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingClaimAgendaItems_AgendaItemId_MeetingId",
                table: "MeetingClaimAgendaItems",
                columns: new[] { "AgendaItemId", "MeetingId" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingClaimFacts_BestReliability",
                table: "MeetingClaimFacts",
                column: "BestReliability");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingMentions_ActorId_MeetingId",
                table: "MeetingMentions",
                columns: new[] { "ActorId", "MeetingId" });

            foreach (var sql in TimelineIndexesAndMeetingFigures)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in DropTimelineIndexes)
            {
                migrationBuilder.Sql(sql);
            }

            migrationBuilder.DropTable(
                name: "MeetingClaimAgendaItems");

            migrationBuilder.DropTable(
                name: "MeetingClaimFacts");

            migrationBuilder.DropTable(
                name: "MeetingMentions");
        }

        // Frozen as this migration first ran it (the timeline indexes, then every meeting's figures counted from the links stored): a migration never changes meaning when live code does.
        private static readonly string[] TimelineIndexesAndMeetingFigures =
        [
            """
            CREATE INDEX "IX_Meetings_Timeline_NewestFirst" ON "Meetings" (("SortDate" IS NULL), "SortDate" DESC, "Id" DESC)
            """,
            """
            CREATE INDEX "IX_Meetings_Timeline_OldestFirst" ON "Meetings" (("SortDate" IS NULL), "SortDate", "Id")
            """,
            """
            CREATE INDEX "IX_Meetings_Timeline_Track_NewestFirst" ON "Meetings" ("TrackId", ("SortDate" IS NULL), "SortDate" DESC, "Id" DESC)
            """,
            """
            CREATE INDEX "IX_Meetings_Timeline_Venue_NewestFirst" ON "Meetings" ("VenueId", ("SortDate" IS NULL), "SortDate" DESC, "Id" DESC)
            """,
            """
            DELETE FROM "MeetingClaimFacts" 
            """,
            """
            INSERT INTO "MeetingClaimFacts" ("MeetingId", "Claims", "BestReliability")
            SELECT cm."MeetingId", COUNT(*), MIN(s."Reliability")
            FROM "ClaimMeetings" cm JOIN "Claims" c ON c."Id" = cm."ClaimId" LEFT JOIN "Sources" s ON s."Id" = c."SourceId"

            GROUP BY cm."MeetingId"
            """,
            """
            DELETE FROM "MeetingMentions" 
            """,
            """
            INSERT INTO "MeetingMentions" ("MeetingId", "ActorId")
            SELECT DISTINCT cm."MeetingId", ca."ActorId"
            FROM "ClaimMeetings" cm JOIN "ClaimActors" ca ON ca."ClaimId" = cm."ClaimId"

            """,
            """
            DELETE FROM "MeetingClaimAgendaItems" 
            """,
            """
            INSERT INTO "MeetingClaimAgendaItems" ("MeetingId", "AgendaItemId")
            SELECT DISTINCT cm."MeetingId", ca."AgendaItemId"
            FROM "ClaimMeetings" cm JOIN "ClaimAgendaItems" ca ON ca."ClaimId" = cm."ClaimId"

            """,
        ];

        // Frozen as this migration first ran it (the timeline indexes dropped): a migration never changes meaning when live code does.
        private static readonly string[] DropTimelineIndexes =
        [
            """
            DROP INDEX IF EXISTS "IX_Meetings_Timeline_NewestFirst" 
            """,
            """
            DROP INDEX IF EXISTS "IX_Meetings_Timeline_OldestFirst" 
            """,
            """
            DROP INDEX IF EXISTS "IX_Meetings_Timeline_Track_NewestFirst" 
            """,
            """
            DROP INDEX IF EXISTS "IX_Meetings_Timeline_Venue_NewestFirst" 
            """,
        ];
    }
}
