using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalksTracker.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReportWithdrawal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "WithReport",
                table: "RetractedClaims",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "Reports",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WithdrawnAt",
                table: "Reports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnBy",
                table: "Reports",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WithReport",
                table: "RetractedClaims");

            migrationBuilder.DropColumn(
                name: "WithdrawalReason",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "WithdrawnBy",
                table: "Reports");
        }
    }
}
