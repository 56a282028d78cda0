using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalksTracker.Data.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "Reports",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WithdrawnAt",
                table: "Reports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnBy",
                table: "Reports",
                type: "TEXT",
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
