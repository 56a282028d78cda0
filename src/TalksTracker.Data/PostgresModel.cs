using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace TalksTracker.Data;

/// <summary>
/// The few places where the model says something only SQLite understands, restated for PostgreSQL
/// (applied when the context runs on Npgsql, so SQLite's model and migrations stay as they are):
/// <list type="bullet">
/// <item>Names compared without case (SQLite's NOCASE collation) become <c>citext</c> columns: equality,
/// unique indexes, ORDER BY and LIKE ignore case there too.</item>
/// <item>Check constraints name their columns in double quotes: PostgreSQL folds unquoted names to lower
/// case, and EF creates the columns with their C# (Pascal case) names.</item>
/// </list>
/// </summary>
internal static class PostgresModel
{
    public const string NoCase = "NOCASE";

    public static void Adapt(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("citext");
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties().Where(p => p.GetCollation() == NoCase))
            {
                property.SetCollation(null);
                property.SetColumnType("citext");
            }

            var table = StoreObjectIdentifier.Create(entity, StoreObjectType.Table);
            if (table is null)
            {
                continue;
            }

            var columns = entity.GetProperties().Select(p => p.GetColumnName(table.Value)).OfType<string>().Distinct().ToList();
            foreach (var check in entity.GetCheckConstraints().ToList())
            {
                var name = check.ModelName;
                var sql = QuoteColumns(check.Sql, columns);
                entity.RemoveCheckConstraint(name);
                entity.AddCheckConstraint(name, sql);
            }
        }
    }

    /// <summary>Puts double quotes around every column name not already quoted.</summary>
    public static string QuoteColumns(string sql, IEnumerable<string> columns) =>
        columns.Aggregate(sql, (current, column) =>
            Regex.Replace(current, $"(?<![\"\\w]){Regex.Escape(column)}(?![\"\\w])", $"\"{column}\""));
}
