using Microsoft.EntityFrameworkCore.Migrations;
using TalksTracker.Data.Derived;

#nullable disable

namespace TalksTracker.Data.Postgres.Migrations
{
    /// <summary>
    /// The timeline at a million claims, as in the SQLite migration of the same name: per-meeting figures
    /// derived from the claims, filled from the claims already stored, and indexes in the timeline's order.
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
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    AgendaItemId = table.Column<int>(type: "integer", nullable: false)
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
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    Claims = table.Column<int>(type: "integer", nullable: false),
                    BestReliability = table.Column<int>(type: "integer", nullable: true),
                    IndependentOrigins = table.Column<int>(type: "integer", nullable: true)
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
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    ActorId = table.Column<int>(type: "integer", nullable: false)
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

            foreach (var sql in TimelineIndexes.Create.Concat(DerivedFigures.MeetingFiguresSql))
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in TimelineIndexes.Drop)
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
    }
}
