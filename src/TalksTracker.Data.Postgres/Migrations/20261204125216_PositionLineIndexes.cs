using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalksTracker.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PositionLineIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Positions_AgendaItemId_AsOfSort",
                table: "Positions");

            migrationBuilder.CreateIndex(
                name: "IX_Positions_AgendaItemId_PartyActorId_AsOfSort_Id",
                table: "Positions",
                columns: new[] { "AgendaItemId", "PartyActorId", "AsOfSort", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Positions_AgendaItemId_RecordedAt",
                table: "Positions",
                columns: new[] { "AgendaItemId", "RecordedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Positions_AgendaItemId_PartyActorId_AsOfSort_Id",
                table: "Positions");

            migrationBuilder.DropIndex(
                name: "IX_Positions_AgendaItemId_RecordedAt",
                table: "Positions");

            migrationBuilder.CreateIndex(
                name: "IX_Positions_AgendaItemId_AsOfSort",
                table: "Positions",
                columns: new[] { "AgendaItemId", "AsOfSort" });
        }
    }
}
