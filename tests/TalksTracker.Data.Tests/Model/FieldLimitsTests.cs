using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using TalksTracker.Domain;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Model;

/// <summary>
/// Every column width is defined once, in <see cref="FieldLimits"/>, and the services' checks use the same constants:
/// the model's widths are matched to FieldLimits' constants by entity and property name, and the configuration's source
/// is read for bare numbers, so a new field cannot get a width of its own.
/// </summary>
public sealed partial class FieldLimitsTests
{
    private static readonly IReadOnlyDictionary<string, int> Limits = typeof(FieldLimits)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(int))
        .ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue()!);

    [Fact]
    public void Every_column_width_of_the_products_records_comes_from_FieldLimits()
    {
        var columns = ProductColumnsWithWidths().ToList();

        var wrong = columns
            .Select(c => (c.Name, c.Width, Expected: Limits.TryGetValue(c.Name, out var limit) ? limit : (int?)null))
            .Where(c => c.Expected != c.Width)
            .Select(c => c.Expected is null
                ? $"{c.Name}: width {c.Width}, but FieldLimits has no constant {c.Name}"
                : $"{c.Name}: width {c.Width}, but FieldLimits.{c.Name} is {c.Expected}")
            .ToList();

        Assert.True(columns.Count >= 40, $"Only {columns.Count} columns with a width found: is the model walked?");
        Assert.True(wrong.Count == 0, "Give each column its width from FieldLimits (HasMaxLength(FieldLimits.EntityProperty)):\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void Every_enum_stored_by_name_has_a_width_from_FieldLimits()
    {
        using var db = NewContext();
        var enums = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties())
            .Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType).IsEnum && p.GetMaxLength() is not null)
            .ToList();

        Assert.NotEmpty(enums);
        Assert.All(enums, p => Assert.Contains(p.GetMaxLength()!.Value, new[] { FieldLimits.EnumName, FieldLimits.ShortEnumName }));
    }

    [Fact]
    public void No_configuration_gives_a_width_as_a_bare_number()
    {
        var data = Path.Combine(RepoPaths.Src, "TalksTracker.Data");
        var bare = Directory.EnumerateFiles(data, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(data, f), Line: i + 1, Text: line)))
            .Where(l => BareWidth().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(bare.Count == 0, "Widths come from FieldLimits, not bare numbers:\n" + string.Join('\n', bare));
    }

    [Fact]
    public void The_model_walk_sees_a_width_that_is_not_from_FieldLimits()
    {
        Assert.Contains(ProductColumnsWithWidths(), c => c is { Name: nameof(FieldLimits.SourceName), Width: FieldLimits.SourceName });
        Assert.Matches(BareWidth(), "builder.Property(s => s.Name).HasMaxLength(300);");
        Assert.DoesNotMatch(BareWidth(), "builder.Property(s => s.Name).HasMaxLength(FieldLimits.SourceName);");
    }

    /// <summary>The string columns of the product's own records with a width, named entity then property; Identity's own columns are Identity's.</summary>
    private static IEnumerable<(string Name, int Width)> ProductColumnsWithWidths()
    {
        using var db = NewContext();
        return db.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => (Entity: e, Property: p)))
            .Where(x => x.Property.ClrType == typeof(string) && x.Property.GetMaxLength() is not null && IsProducts(x.Property))
            .Select(x => (x.Entity.ClrType.Name + x.Property.Name, x.Property.GetMaxLength()!.Value))
            .ToList();
    }

    private static bool IsProducts(IProperty property) =>
        property.DeclaringType.ClrType.Namespace?.StartsWith("TalksTracker.", StringComparison.Ordinal) == true
        && property.PropertyInfo?.DeclaringType?.Namespace?.StartsWith("TalksTracker.", StringComparison.Ordinal) != false;

    private static TalksTrackerDbContext NewContext() =>
        new(new DbContextOptionsBuilder<TalksTrackerDbContext>().UseSqlite("Data Source=:memory:").Options);

    [GeneratedRegex(@"Ha(s|ve)MaxLength\(\s*[0-9]")]
    private static partial Regex BareWidth();
}
