using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalksTracker.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditTrailAndRecordedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedAt",
                table: "Venues",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedAt",
                table: "Tracks",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedAt",
                table: "Sources",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedAt",
                table: "Meetings",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedAt",
                table: "Claims",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedAt",
                table: "AgendaStatusChanges",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedAt",
                table: "AgendaItems",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedAt",
                table: "Actors",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    User = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Sources_RecordedAt",
                table: "Sources",
                column: "RecordedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_RecordedAt",
                table: "Meetings",
                column: "RecordedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_RecordedAt",
                table: "Claims",
                column: "RecordedAt");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaStatusChanges_RecordedAt",
                table: "AgendaStatusChanges",
                column: "RecordedAt");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_User_At",
                table: "AuditEntries",
                columns: new[] { "User", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_Sources_RecordedAt",
                table: "Sources");

            migrationBuilder.DropIndex(
                name: "IX_Meetings_RecordedAt",
                table: "Meetings");

            migrationBuilder.DropIndex(
                name: "IX_Claims_RecordedAt",
                table: "Claims");

            migrationBuilder.DropIndex(
                name: "IX_AgendaStatusChanges_RecordedAt",
                table: "AgendaStatusChanges");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "Venues");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "Tracks");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "Claims");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "AgendaStatusChanges");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "AgendaItems");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "Actors");
        }
    }
}
