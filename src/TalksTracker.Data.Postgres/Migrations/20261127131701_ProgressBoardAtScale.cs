using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalksTracker.Data.Postgres.Migrations
{
    /// <summary>
    /// The progress board at a million claims: each agenda item's denials with their dates, so the board reads
    /// only those not older than an item's status; filled here from the claims already stored and kept by every
    /// save afterwards.
    /// </summary>
    public partial class ProgressBoardAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AgendaItemDenials",
                columns: table => new
                {
                    AgendaItemId = table.Column<int>(type: "integer", nullable: false),
                    ClaimId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaItemDenials", x => new { x.AgendaItemId, x.ClaimId });
                    table.ForeignKey(
                        name: "FK_AgendaItemDenials_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgendaItemDenials_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItemDenials_AgendaItemId_Date",
                table: "AgendaItemDenials",
                columns: new[] { "AgendaItemId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItemDenials_ClaimId",
                table: "AgendaItemDenials",
                column: "ClaimId");

            foreach (var sql in AgendaItemDenials)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgendaItemDenials");
        }

        // Frozen as this migration first ran it (every agenda item's denials listed from the claims stored): a migration never changes meaning when live code does.
        private static readonly string[] AgendaItemDenials =
        [
            """
            DELETE FROM "AgendaItemDenials" 
            """,
            """
            INSERT INTO "AgendaItemDenials" ("AgendaItemId", "ClaimId", "Date")
            SELECT ca."AgendaItemId", c."Id", COALESCE(r."PublishedOn", (r."TakenInAt" AT TIME ZONE 'UTC')::date)
            FROM "ClaimAgendaItems" ca JOIN "Claims" c ON c."Id" = ca."ClaimId" JOIN "Reports" r ON r."Id" = c."ReportId"
            WHERE c."Stance" = 'Denies' 
            """,
        ];
    }
}
