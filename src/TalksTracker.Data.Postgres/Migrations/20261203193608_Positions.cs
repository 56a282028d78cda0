using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TalksTracker.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Positions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Positions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AgendaItemId = table.Column<int>(type: "integer", nullable: false),
                    PartyActorId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Wording = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    AsOfPrecision = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AsOfStart = table.Column<DateOnly>(type: "date", nullable: true),
                    AsOfEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    AsOfLabel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AsOfSort = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Positions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Positions_Actors_PartyActorId",
                        column: x => x.PartyActorId,
                        principalTable: "Actors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Positions_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PositionEvidence",
                columns: table => new
                {
                    PositionId = table.Column<int>(type: "integer", nullable: false),
                    ClaimId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PositionEvidence", x => new { x.PositionId, x.ClaimId });
                    table.ForeignKey(
                        name: "FK_PositionEvidence_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PositionEvidence_Positions_PositionId",
                        column: x => x.PositionId,
                        principalTable: "Positions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PositionEvidence_ClaimId",
                table: "PositionEvidence",
                column: "ClaimId");

            migrationBuilder.CreateIndex(
                name: "IX_Positions_AgendaItemId_AsOfSort",
                table: "Positions",
                columns: new[] { "AgendaItemId", "AsOfSort" });

            migrationBuilder.CreateIndex(
                name: "IX_Positions_PartyActorId",
                table: "Positions",
                column: "PartyActorId");

            migrationBuilder.CreateIndex(
                name: "IX_Positions_RecordedAt",
                table: "Positions",
                column: "RecordedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PositionEvidence");

            migrationBuilder.DropTable(
                name: "Positions");
        }
    }
}
