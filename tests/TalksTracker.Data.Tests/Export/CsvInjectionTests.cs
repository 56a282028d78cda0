using TalksTracker.Data.Export;

namespace TalksTracker.Data.Tests.Export;

/// <summary>A cell a spreadsheet would run as a formula is written as text (OWASP CSV injection).</summary>
public sealed class CsvInjectionTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+cmd", "'+cmd")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=HYPERLINK(\"http://evil.example\")", "\"'\t=HYPERLINK(\"\"http://evil.example\"\")\"")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    [InlineData("  =1+1", "'  =1+1")]
    public void Security_a_formula_leading_cell_is_neutralised(string value, string written) =>
        Assert.Equal(written, CsvExport.Field(value));

    [Theory]
    [InlineData("-5", "-5")]
    [InlineData("+1.5e3", "+1.5e3")]
    [InlineData("Baku, Azerbaijan", "\"Baku, Azerbaijan\"")]
    [InlineData("plain", "plain")]
    public void Security_numbers_and_plain_text_are_written_as_they_are(string value, string written) =>
        Assert.Equal(written, CsvExport.Field(value));
}
