using System.Net;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Data.Sqlite;
using TalksTracker.Data.Intake;
using TalksTracker.Domain.Extraction;
using TalksTracker.Domain.Intake;
using TalksTracker.Domain.Search;
using TalksTracker.Reliability.Support;
using TalksTracker.Testing;
using TalksTracker.Web.Timeline;

namespace TalksTracker.Reliability;

/// <summary>
/// Property-based tests (FsCheck, seeded by the test framework's run) over everything that reads
/// untrusted text: extraction, the report-text normaliser, search query translation, the timeline's
/// query string. Inputs are built from pieces that have broken parsers before: quotes, FTS5 operators,
/// markup, lone surrogates, NUL and control characters, right-to-left marks, very long runs.
/// </summary>
public sealed class HostileInputTests
{
    public const int Cases = 400;

    private static readonly string[] Pieces =
    [
        "\"", "'", "“", "”", "«", "»", "NEAR(", ")", "(", "*", "^", "-", "+", ":", "OR", "AND", "NOT", "{", "}", "[", "]",
        "<p>", "</p>", "<script>", "<br/>", "&amp;", "&#0;", "&#xD800;", "#", "##", "**", "_", "`", "![x](y)", "[a](http://x)", "|",
        "\0", "\u0001", "\u001b", "\uFFFD", "\uD800", "\uDC00", "😀", "\u200F", "\u202E", "\u0301", "ا", "א", "日本",
        "\n", "\r\n", "\r", "\t", " ", "  ", ".", "...", "!", "?", ";", ",", "according to", "said", "reportedly", "denied",
        "a senior Israeli security source", "Israeli media", "told", "Baku", "Moscow", "Syria", "Mr.", "U.S.", "e.g.",
        new string('a', 300), new string('.', 200), new string('"', 50), new string('\n', 40),
    ];

    /// <summary>Hostile text: pieces, or any string FsCheck makes, or a mix.</summary>
    public static Arbitrary<string> HostileText { get; } = Arb.From(Gen.OneOf(
        Gen.Elements(Pieces).ListOf().Select(p => string.Concat(p)),
        ArbMap.Default.GeneratorFor<string>(),
        Gen.Elements(Pieces).ListOf().Zip(ArbMap.Default.GeneratorFor<string>()).Select(t => string.Concat(t.Item1) + t.Item2)));

    private static Config Config => Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true);

    [Fact]
    public void Extraction_never_throws_and_every_span_slices_exactly()
    {
        Check.One(Config, Prop.ForAll(HostileText, text =>
        {
            var result = ClaimExtractor.Extract(text);
            var length = text?.Length ?? 0;
            Assert.InRange(result.TitleSpan.Start, 0, length);
            Assert.InRange(result.TitleSpan.End, result.TitleSpan.Start, length);
            // A title taken from a headline line is that line; one derived from the first sentence has no span of its own.
            if (result.TitleSpan.Length > 0)
            {
                Assert.Equal(result.TitleSpan.Slice(text ?? ""), result.Title);
            }

            Assert.True(result.Title.Length <= TalksTracker.Domain.FieldLimits.ReportTitle);
            var previousEnd = 0;
            foreach (var claim in result.Claims)
            {
                Assert.InRange(claim.Span.Start, previousEnd, length);
                Assert.InRange(claim.Span.End, claim.Span.Start, length);
                Assert.Equal(text!.Substring(claim.Span.Start, claim.Span.Length), claim.Text);
                foreach (var mention in claim.Mentions)
                {
                    Assert.Equal(mention.Span.Slice(text), mention.Text);
                }

                previousEnd = claim.Span.End;
            }
        }));
    }

    [Fact]
    public void The_report_text_normaliser_never_throws_and_maps_every_offset_back_into_the_original()
    {
        Check.One(Config, Prop.ForAll(HostileText, text =>
        {
            Assert.Null(Record.Exception(() => ReportInput.ProblemWith(text)));
            foreach (var format in new[] { ReportText.Detect(text), ReportFormat.PlainText, ReportFormat.Markdown, ReportFormat.Html, (ReportFormat)99 })
            {
                var normalised = ReportText.Normalise(text, format);
                for (var offset = 0; offset <= normalised.Text.Length; offset += Math.Max(1, normalised.Text.Length / 7))
                {
                    Assert.InRange(normalised.ToOriginal(offset), 0, normalised.Original.Length);
                }
            }

            var canonical = ReportInput.Canonical(text ?? "");
            Assert.Equal(canonical, ReportInput.Canonical(canonical));
        }));
    }

    [Fact]
    public void Any_search_text_translates_to_an_fts5_query_sqlite_accepts()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'porter unicode61 remove_diacritics 2'); INSERT INTO t VALUES ('Syria Israel talks in Baku');";
            create.ExecuteNonQuery();
        }

        Check.One(Config, Prop.ForAll(HostileText, text =>
        {
            var query = SearchQuery.Parse(text);
            Assert.True(query.Terms.Count <= SearchQuery.MaxTerms);
            // As typed, and with the first word taken for an actor whose aliases are the hostile text itself.
            var expanded = query.IsEmpty ? null : ExpandedQuery.Expand(query, [[query.Terms[0].Text, text ?? "", "\"x\" OR (", "Tel Aviv"]]).Fts5Match;
            foreach (var match in new[] { query.Fts5Match, expanded }.OfType<string>())
            {
                using var search = connection.CreateCommand();
                search.CommandText = "SELECT COUNT(*) FROM t WHERE t MATCH $m";
                search.Parameters.AddWithValue("$m", match);
                search.ExecuteScalar(); // a syntax error would throw
            }
        }));
    }

    [Fact]
    public void Any_timeline_query_string_parses_to_a_query_or_field_problems()
    {
        string[] keys = [TimelineQueryString.Track, TimelineQueryString.Actor, TimelineQueryString.Venue, TimelineQueryString.Category, TimelineQueryString.Source,
            TimelineQueryString.MinReliability, TimelineQueryString.Stance, TimelineQueryString.From, TimelineQueryString.To, TimelineQueryString.Acknowledged,
            TimelineQueryString.Order, TimelineQueryString.Page, TimelineQueryString.PageSize];
        var values = Gen.OneOf(HostileText.Generator, Gen.Elements("2026-11-31", "2026-02-29", "0000-01-01", "9999-12-31", "-1", "2147483648", "99999999999999999999",
            "1e3", "0x10", "A", "F", "Z", "asserts", "Denies", "oldest", "2026-13", "2026", "yesterday", "", " ", "١٢", "NaN"));
        var pairs = Gen.Elements(keys).Zip(values).ListOf().Select(l => l.GroupBy(p => p.Item1).ToDictionary(g => g.Key, g => g.First().Item2));
        Check.One(Config, Prop.ForAll(Arb.From(pairs), query =>
        {
            var (parsed, problems) = TimelineQueryString.Parse(key => query.GetValueOrDefault(key));
            Assert.NotNull(parsed);
            Assert.All(problems.Keys, key => Assert.Contains(key, keys));
            Assert.InRange(parsed.Page, 1, 1_000_000);
        }));
    }

    [Fact]
    public async Task Extraction_that_runs_past_its_time_limit_is_refused_and_stores_nothing()
    {
        await using var database = new SeededDatabase();
        await database.InitializeAsync();
        database.Get<IntakeOptions>().ExtractionTimeout = TimeSpan.Zero; // already over: no timer race
        var before = Reports(database.Path);

        var preview = await database.Get<IntakeService>().PreviewAsync(ReportTexts.Make(3), null, TestContext.Current.CancellationToken);
        var intake = await database.Get<IntakeService>().TakeInAsync(new ReportSubmission { Text = ReportTexts.Make(3) }, TestContext.Current.CancellationToken);

        Assert.Contains("took longer than", Assert.Single(preview.Errors["Text"]));
        Assert.Contains("nothing was stored", Assert.Single(intake.Errors["Text"]));
        Assert.Equal(before, Reports(database.Path));
    }

    private static long Reports(string path)
    {
        using var connection = DatabaseChecks.Open(path);
        return DatabaseChecks.Scalar<long>(connection, "SELECT COUNT(*) FROM Reports");
    }
}

/// <summary>Broken and hostile API bodies over real Kestrel: 4xx problem details, never a 500, never a partial record.</summary>
public sealed class HostileApiTests(KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Bodies =
    [
        "", "{", "}", "[]", "null", "true", "42", "\"text\"", "{\"text\":", "{\"text\": 5}", "{\"text\": [\"a\"]}", "{\"text\": {}}",
        "{\"text\": null}", "{\"text\": \"\"}", "{\"text\": \"   \"}", "{\"text\": \"a\\u0000b\"}", "{\"text\": \"\\uD800\"}",
        "{\"text\": \"Title\\nBody.\", \"format\": \"Pdf\"}", "{\"text\": \"Title\\nBody.\", \"format\": 99}",
        "{\"text\": \"Title\\nBody.\", \"publishedOn\": \"2026-02-30\"}", "{\"text\": \"Title\\nBody.\", \"publishedOn\": 20260101}",
        "{\"text\": \"Title\\nBody.\", \"url\": \"javascript:alert(1)\"}", "{\"text\": \"Title\\nBody.\", \"language\": \"<script>\"}",
        "{\"text\": \"Title\\nBody x.\", \"claims\": [{\"start\": -1, \"end\": 3}]}", "{\"text\": \"Title\\nBody y.\", \"claims\": [{\"start\": 5, \"end\": 2}]}",
        "{\"text\": \"Title\\nBody z.\", \"claims\": [{\"start\": 0, \"end\": 99999999999}]}", "{\"text\": \"Title\\nBody w.\", \"claims\": [{\"start\": 0, \"end\": 3, \"stance\": \"Shouts\"}]}",
        "{\"text\": \"Title\\nBody v.\", \"claims\": [{\"start\": 0, \"end\": 3, \"sourceId\": 999999}]}", "{\"text\": \"Title\\nBody u.\", \"claims\": [{\"start\": 0, \"end\": 3, \"meetingIds\": [0, -5, 999999]}]}",
        "{\"text\": \"Title\\nBody t.\", \"claims\": {\"start\": 0}}", "{\"text\": \"Title\\nBody s.\", \"claims\": [null]}",
        "{\"text\": \"Title\\nBody r.\", \"claims\": [{\"start\": 0, \"end\": 3, \"credibility\": 0}]}",
        "{\"text\": \"Title\\nBody q.\", \"unknownField\": {\"deep\": [1, 2, 3]}, \"title\": 5}",
        new string('[', 5000) + new string(']', 5000), "{\"text\": " + new string('[', 100) + new string(']', 100) + "}",
        "\u00ff\u00fe{\"text\": \"bom\"}", "{\"text\": \"Title\\nBody.\"} trailing", "{'text': 'single quotes'}", "{\"text\": \"Title\\nBody.\", \"text\": 7}",
    ];

    [Fact]
    public async Task Broken_bodies_get_problem_details_and_never_a_500_or_a_partial_record()
    {
        _ = app.Address;
        var client = app.CreateClient();
        var random = new Random(Harness.Seed);
        var generated = HostileInputTests.HostileText.Generator.Sample(50).Select(s => random.Next(2) == 0 ? s : "{\"text\": \"" + s + "\"}");
        var outcomes = new Dictionary<int, int>();
        var created = 0;
        var before = Reports();
        foreach (var (path, body) in Bodies.Concat(generated).SelectMany(b => new[] { ("/api/reports", b), ("/api/extract", b) }))
        {
            using var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"), Ct);
            var status = (int)response.StatusCode;
            outcomes[status] = outcomes.GetValueOrDefault(status) + 1;
            Assert.True(status is 200 or 201 or 400 or 409 or 415, $"{path} answered {status} to {Shorten(body)}: {await response.Content.ReadAsStringAsync(Ct)}");
            if (status >= 400)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }

            created += status == 201 ? 1 : 0;
        }

        Assert.Equal(before + created, Reports());
        using var connection = DatabaseChecks.Open(app.DatabasePath);
        DatabaseChecks.AssertSound(connection);
        DatabaseChecks.AssertSearchIndexAgrees(connection);
        Harness.Record($"hostile API: {outcomes.Values.Sum()} broken bodies → {string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}×{o.Value}"))}; 0 × 500; {created} created, all whole");
    }

    [Fact]
    public async Task A_50_MB_body_is_refused_with_413_and_a_text_over_the_limit_with_400()
    {
        _ = app.Address;
        var client = app.CreateClient();
        var before = Reports();

        // Raw socket: announce 50 MB and wait for the verdict before sending it, as a well-behaved client does.
        var (status, contentType) = await RawPostHeadersAsync(app.Address, "/api/reports", 50L * 1024 * 1024, app.ApiKeyFor("admin"));
        using var overLimit = await client.PostAsync("/api/reports",
            new StringContent("{\"text\": \"Title\\n" + new string('b', ReportInput.MaxTextLength) + "\"}", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(413, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal(HttpStatusCode.BadRequest, overLimit.StatusCode);
        Assert.Contains("the limit is", await overLimit.Content.ReadAsStringAsync(Ct));
        Assert.Equal(before, Reports());
    }

    /// <summary>Sends only the headers of a POST with Expect: 100-continue and reads the status line and content type.</summary>
    private static async Task<(int Status, string? ContentType)> RawPostHeadersAsync(Uri server, string path, long contentLength, string apiKey)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port, Ct);
        await using var stream = tcp.GetStream();
        var key = $"X-Api-Key: {apiKey}\r\n";
        var head = $"POST {path} HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: application/json\r\nContent-Length: {contentLength}\r\nExpect: 100-continue\r\n{key}\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), Ct);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync(Ct) ?? "";
        if (statusLine.Contains(" 100 ", StringComparison.Ordinal))
        {
            Assert.Fail("The server asked for the 50 MB body (100 Continue) instead of refusing it.");
        }

        string? contentType = null;
        for (var line = await reader.ReadLineAsync(Ct); !string.IsNullOrEmpty(line); line = await reader.ReadLineAsync(Ct))
        {
            if (line.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))
            {
                contentType = line["Content-Type:".Length..].Split(';')[0].Trim();
            }
        }

        return (int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), contentType);
    }

    private long Reports()
    {
        using var connection = DatabaseChecks.Open(app.DatabasePath);
        return DatabaseChecks.Scalar<long>(connection, "SELECT COUNT(*) FROM Reports");
    }

    private static string Shorten(string body) => body.Length <= 120 ? body : body[..120] + "…";
}
