using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalksTracker.Data.Migrations
{
    /// <inheritdoc />
    public partial class ClaimProposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Review",
                table: "Claims");

            migrationBuilder.CreateTable(
                name: "ClaimProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<int>(type: "INTEGER", nullable: false),
                    End = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceMention = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: true),
                    ViaMention = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ViaSourceId = table.Column<int>(type: "INTEGER", nullable: true),
                    Cue = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Hedge = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Stance = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Credibility = table.Column<int>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    MeetingIds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AgendaItemIds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ActorIds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    StatusChanges = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaimProposals_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ClaimProposals_Sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ClaimProposals_Sources_ViaSourceId",
                        column: x => x.ViaSourceId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClaimProposals_ReportId_Start",
                table: "ClaimProposals",
                columns: new[] { "ReportId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_ClaimProposals_SourceId",
                table: "ClaimProposals",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_ClaimProposals_ViaSourceId",
                table: "ClaimProposals",
                column: "ViaSourceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClaimProposals");

            migrationBuilder.AddColumn<string>(
                name: "Review",
                table: "Claims",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");
        }
    }
}
