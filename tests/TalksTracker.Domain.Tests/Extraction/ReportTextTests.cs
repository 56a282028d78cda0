using TalksTracker.Domain.Extraction;
using Xunit;

namespace TalksTracker.Domain.Tests.Extraction;

public class ReportTextTests
{
    [Fact]
    public void Html_is_stripped_to_text_with_entities_decoded_and_scripts_dropped()
    {
        const string html = "<html><head><title>x</title><style>p{color:red}</style></head><body>"
            + "<h1>Talks in Baku</h1><script>var a = 'said';</script>"
            + "<p>Israeli media have revealed&nbsp;talks &amp; more.<br>“Quote,” the source said.</p>"
            + "<!-- comment --><p>Analysts &#8220;note&#x201D; that 3 &lt; 4.</p></body></html>";

        var report = ReportText.Normalise(html, ReportFormat.Html);

        Assert.Equal(
            "Talks in Baku\n\nIsraeli media have revealed talks & more.\n“Quote,” the source said.\n\nAnalysts “note” that 3 < 4.",
            report.Text);
    }

    [Fact]
    public void Html_spans_map_back_to_the_original()
    {
        const string html = "<p>The source &amp; <b>analysts</b> said so.</p>";
        var report = ReportText.Normalise(html, ReportFormat.Html);
        var start = report.Text.IndexOf("analysts", StringComparison.Ordinal);

        var original = report.ToOriginal(new TextSpan(start, start + "analysts".Length));

        Assert.Equal("analysts", original.Slice(html));
        var amp = report.Text.IndexOf('&', StringComparison.Ordinal);
        Assert.Equal("&amp;", report.ToOriginal(new TextSpan(amp, amp + 1)).Slice(html));
    }

    [Fact]
    public void Markdown_is_stripped_to_text()
    {
        const string markdown = "# Talks in *Baku*\n\nIsraeli media **have revealed** the [talks](https://x.test/a)\n"
            + "held under `Russian` mediation.\n\n> “We will not retreat,” the minister said.\n\n- Analysts note that\n  nothing changed.\n\n---\n[ref]: https://x.test";

        var report = ReportText.Normalise(markdown, ReportFormat.Markdown);

        Assert.Equal(
            "Talks in Baku\n\nIsraeli media have revealed the talks held under Russian mediation.\n\n“We will not retreat,” the minister said.\n\nAnalysts note that nothing changed.",
            report.Text);
        var claims = ClaimExtractor.Extract(report.Text).Claims;
        Assert.Equal(["Israeli media", "the minister", "Analysts"], claims.Select(c => c.Source));
        var first = report.ToOriginal(claims[0].Span).Slice(markdown);
        Assert.StartsWith("Israeli media **have revealed**", first, StringComparison.Ordinal);
        Assert.EndsWith("mediation.", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_unifies_line_endings_and_blanks_control_characters()
    {
        var report = ReportText.Normalise("Title\r\nBody\u0000text.\rMore.\uFEFF", ReportFormat.PlainText);

        Assert.Equal("Title\nBody text.\nMore.", report.Text);
        Assert.Equal(new TextSpan(7, 11), report.ToOriginal(new TextSpan(6, 10)));
    }

    [Theory]
    [InlineData("<p>Hello</p>", ReportFormat.Html)]
    [InlineData("# Title\n\nBody with [a link](http://x.test).", ReportFormat.Markdown)]
    [InlineData("Title\nJust text.", ReportFormat.PlainText)]
    public void Detects_the_format(string text, ReportFormat format)
    {
        Assert.Equal(format, ReportText.Detect(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("<")]
    [InlineData("<p")]
    [InlineData("&#xD800;&#99999999;&bogus;&")]
    [InlineData("<script>never closed")]
    [InlineData("[unclosed](link")]
    [InlineData("```\ncode")]
    public void Broken_input_never_throws(string? text)
    {
        foreach (var format in Enum.GetValues<ReportFormat>())
        {
            var report = ReportText.Normalise(text, format);
            _ = report.ToOriginal(new TextSpan(0, report.Text.Length));
            _ = ClaimExtractor.Extract(report.Text);
        }
    }
}
