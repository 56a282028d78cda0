using TalksTracker.Domain.Extraction;
using TalksTracker.Domain.Intake;
using Xunit;

namespace TalksTracker.Domain.Tests.Extraction;

/// <summary>What editors really paste: one paragraph or many, datelines, bylines, captions, link lines and copied HTML.</summary>
public class ReportLayoutTests
{
    private const string OneParagraph =
        "BEIRUT, Dec 3 (Reuters) - Lebanese and Israeli military delegations met on Wednesday at the UN post in Naqoura for a fourth round of talks on the land border, two Lebanese security sources said. " +
        "The sources said the delegations discussed thirteen disputed points but reached no agreement on the village of Ghajar. " +
        "An Israeli official, speaking on condition of anonymity, told reporters the meeting had been \"practical and calm\". " +
        "Washington's envoy is expected to return to Beirut next week. " +
        "The UN peacekeeping force declined to comment on the substance of the talks.";

    [Fact]
    public void A_one_paragraph_wire_item_is_all_body_under_a_title_from_its_first_sentence()
    {
        var result = ClaimExtractor.Extract(OneParagraph);

        Assert.Equal(5, result.Claims.Count);
        Assert.StartsWith("Lebanese and Israeli military delegations met", result.Claims[0].Text, StringComparison.Ordinal);
        Assert.Equal("two Lebanese security sources", result.Claims[0].Source);
        Assert.StartsWith("Lebanese and Israeli military delegations met on Wednesday", result.Title, StringComparison.Ordinal);
        Assert.EndsWith("…", result.Title, StringComparison.Ordinal);
        Assert.InRange(result.Title.Length, 40, ReportLayout.DerivedTitleLength + 1);
        // Derived, it is no headline: the first sentence is a claim and is read as one.
        Assert.Null(result.Headline);
    }

    [Fact]
    public void A_headline_is_a_title_line_or_a_typed_title_never_a_derived_one()
    {
        const string body = "Two Western diplomats said envoys met in Muscat on Monday.\nOman's foreign ministry declined to comment.";

        Assert.Equal("Envoys meet in Muscat", ClaimExtractor.Extract("Envoys meet in Muscat\n" + body).Headline);
        Assert.Equal("Gulf channel reopens", ClaimExtractor.Extract(body, givenTitle: "Gulf channel reopens").Headline);
        Assert.Null(ClaimExtractor.Extract(body).Headline);
    }

    [Fact]
    public void A_typed_title_wins_and_the_first_line_stays_a_claim()
    {
        const string text = "Two Western diplomats said envoys met in Muscat on Monday.\nOman's foreign ministry declined to comment.";

        var result = ClaimExtractor.Extract(text, givenTitle: "Envoys meet in Muscat");

        Assert.Equal("Envoys meet in Muscat", result.Title);
        Assert.Equal(["Two Western diplomats said envoys met in Muscat on Monday.", "Oman's foreign ministry declined to comment."], result.Claims.Select(c => c.Text));
        Assert.Equal("Two Western diplomats", result.Claims[0].Source);
    }

    [Theory]
    [InlineData("Iran and US envoys to meet again in Muscat next week", true)]
    [InlineData("Talks stall: Kyiv says Moscow drags its feet on prisoner swap", true)]
    [InlineData("Will Baku host the next round?", true)]
    [InlineData("Envoys met in Muscat on Monday, a Gulf official said.", false)]
    [InlineData("MOSCOW (AP) — Russian and Ukrainian negotiators will meet in Istanbul on Friday", false)]
    [InlineData("The talks ended. Both sides left without a statement", false)]
    [InlineData("envoys met in Muscat on Monday and agreed to meet again", false)]
    public void The_first_line_is_the_title_only_when_it_reads_as_a_headline(string firstLine, bool isTitle)
    {
        var result = ClaimExtractor.Extract(firstLine + "\nThe delegations left Muscat on Tuesday.");

        Assert.Equal(isTitle, result.TitleSpan.Length > 0);
        Assert.Equal(isTitle, result.Claims.All(c => c.Span.Start > firstLine.Length));
    }

    [Fact]
    public void A_derived_title_is_cut_at_a_word_and_never_over_the_limit()
    {
        var endless = "Negotiators " + string.Concat(Enumerable.Repeat("from both delegations and their mediators ", 60)) + "met in Doha.";
        var unbroken = new string('x', 3000);

        var title = ClaimExtractor.Extract(endless).Title;

        Assert.EndsWith("…", title, StringComparison.Ordinal);
        Assert.StartsWith(title[..^1] + " ", endless, StringComparison.Ordinal);
        Assert.InRange(title.Length, ReportLayout.DerivedTitleLength / 2, ReportLayout.DerivedTitleLength + 1);
        Assert.InRange(ClaimExtractor.Extract(unbroken).Title.Length, 1, FieldLimits.ReportTitle);
    }

    [Theory]
    [InlineData("BEIRUT, Dec 3 (Reuters) - ", "A Lebanese official said the talks would resume on Friday.")]
    [InlineData("MOSCOW (AP) — ", "A Kremlin spokesman said the talks would resume on Friday.")]
    [InlineData("Dec 3 (Reuters) - ", "Two diplomats said the talks would resume on Friday.")]
    [InlineData("TEL AVIV/CAIRO, Dec 3 – ", "An Egyptian official said the talks would resume on Friday.")]
    public void A_dateline_is_kept_out_of_the_claim_and_the_sentence_after_it_is_extracted(string dateline, string sentence)
    {
        var text = "Talks to resume on Friday\n" + dateline + sentence + "\nNo date was announced.";

        var first = ClaimExtractor.Extract(text).Claims[0];

        Assert.Equal(sentence, first.Text);
        Assert.Equal(sentence, first.Span.Slice(text));
        Assert.NotNull(first.Source);
    }

    [Fact]
    public void A_dash_inside_an_ordinary_sentence_is_not_a_dateline()
    {
        const string text = "Envoys meet in Doha\nUS officials - speaking on condition of anonymity - said the meeting was useful.";

        Assert.StartsWith("US officials", ClaimExtractor.Extract(text).Claims[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Bylines_captions_credits_and_link_lines_are_not_proposed()
    {
        const string text = """
            Sudan's warring sides to resume talks in Jeddah
            By Jane Doe and Omar Haddad
            FILE PHOTO: Delegates arrive for talks in Jeddah, Saudi Arabia, May 6, 2026. REUTERS/Staff/File Photo
            Photo: Sudanese army delegation at the venue
            Delegations walk to the conference hall in Jeddah on Tuesday. (Reuters)
            KHARTOUM, Dec 3 (Reuters) - Sudan's army and the Rapid Support Forces will resume talks in Jeddah next week, a Saudi foreign ministry official said on Wednesday.
            Read more: Sudan talks collapse over ceasefire terms
            Related: Aid groups warn of famine in Darfur
            Click here to sign up for our Middle East newsletter.
            The official said both delegations had confirmed their attendance.
            https://example.org/sudan-talks
            (Reporting by Jane Doe in Dubai; Editing by John Roe)
            """;

        var result = ClaimExtractor.Extract(text);

        Assert.Equal("Sudan's warring sides to resume talks in Jeddah", result.Title);
        Assert.Equal(2, result.Claims.Count);
        Assert.StartsWith("Sudan's army and the Rapid Support Forces", result.Claims[0].Text, StringComparison.Ordinal);
        Assert.Equal("a Saudi foreign ministry official", result.Claims[0].Source);
        Assert.Equal("The official said both delegations had confirmed their attendance.", result.Claims[1].Text);
    }

    [Fact]
    public void Copied_HTML_and_entities_become_text_and_claim_spans_point_into_it()
    {
        const string html = "<p>Envoys agree on prisoner swap</p>\r\n<p>DOHA (AP) &mdash; Hamas&#8217;s negotiators and Israeli officials agreed on a swap, a Qatari official said.<br>\r\n"
            + "The official added that&nbsp;Egypt &amp; Qatar would oversee it.</p>";
        const string plain = "Envoys agree on prisoner swap\r\nQatar&#8217;s mediators &amp; Egypt&#x2019;s intelligence chief met, a Qatari official said.";

        foreach (var (raw, claims) in new[] { (html, 2), (plain, 1) })
        {
            var text = ReportText.Normalise(raw, ReportText.Detect(raw)).Text;
            var result = ClaimExtractor.Extract(text);

            Assert.DoesNotContain("&", text.Replace(" & ", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotContain('\r', text);
            Assert.Equal("Envoys agree on prisoner swap", result.Title);
            Assert.Equal(claims, result.Claims.Count);
            Assert.All(result.Claims, c => Assert.Equal(c.Text, c.Span.Slice(text)));
            Assert.Contains("’s", result.Claims[0].Text, StringComparison.Ordinal);
            Assert.Equal("a Qatari official", result.Claims[0].Source);
        }
    }

    [Fact]
    public void A_text_that_yields_nothing_says_why()
    {
        var boilerplateOnly = ClaimExtractor.Extract("Talks in Baku\nBy Jane Doe\nRead more: Armenia and Azerbaijan sign accord");
        var unattributed = ClaimExtractor.Extract("Talks in Baku\nThe delegations met for three hours. They left without a statement.");
        var sourced = ClaimExtractor.Extract("Talks in Baku\nThe delegations met for three hours, an Azerbaijani official said.");

        Assert.Empty(boilerplateOnly.Claims);
        Assert.Contains(": 2 lines look like a byline", boilerplateOnly.Note, StringComparison.Ordinal);
        Assert.Contains(": 1 line looks like a byline", ClaimExtractor.Extract("Talks in Baku\nBy Jane Doe").Note, StringComparison.Ordinal);
        Assert.StartsWith("No sentence names a source", unattributed.Note, StringComparison.Ordinal);
        Assert.Null(sourced.Note);
    }
}
