using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TalksTracker.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CorrectionsAndMerges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ArchivedAt",
                table: "Tracks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Role",
                table: "MeetingParticipants",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            // Existing participants take the role their actor has on the meeting's track (the only roles known until now);
            // an approver is an observer of the meeting; anyone else a party.
            migrationBuilder.Sql("""
                UPDATE "MeetingParticipants" SET "Role" = COALESCE((
                    SELECT CASE tp."Role" WHEN 'Mediator' THEN 'Mediator' WHEN 'Host' THEN 'Host'
                        WHEN 'Observer' THEN 'Observer' WHEN 'Approver' THEN 'Observer' ELSE 'Party' END
                    FROM "TrackParticipants" tp JOIN "Meetings" m ON m."TrackId" = tp."TrackId"
                    WHERE m."Id" = "MeetingParticipants"."MeetingId" AND tp."ActorId" = "MeetingParticipants"."ActorId"
                    ORDER BY tp."Id" LIMIT 1), 'Party');
                """);


            migrationBuilder.CreateTable(
                name: "MergedRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FromId = table.Column<int>(type: "integer", nullable: false),
                    FromName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    IntoId = table.Column<int>(type: "integer", nullable: false),
                    MergedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    MergedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MergedRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RetractedClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    Quote = table.Column<string>(type: "text", nullable: false),
                    Snapshot = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RetractedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RetractedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetractedClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RetractedClaims_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MergedRecords_Kind_FromId",
                table: "MergedRecords",
                columns: new[] { "Kind", "FromId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MergedRecords_Kind_IntoId",
                table: "MergedRecords",
                columns: new[] { "Kind", "IntoId" });

            migrationBuilder.CreateIndex(
                name: "IX_RetractedClaims_ReportId",
                table: "RetractedClaims",
                column: "ReportId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MergedRecords");

            migrationBuilder.DropTable(
                name: "RetractedClaims");

            migrationBuilder.DropColumn(
                name: "ArchivedAt",
                table: "Tracks");

            migrationBuilder.DropColumn(
                name: "Role",
                table: "MeetingParticipants");
        }
    }
}
