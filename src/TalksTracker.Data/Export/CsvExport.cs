using System.Globalization;

namespace TalksTracker.Data.Export;

/// <summary>RFC 4180 CSV of the progress board, of claims with provenance, or of the parties' positions.</summary>
public static class CsvExport
{
    /// <summary>
    /// Writes the board, a row at a time: asynchronously, because the writer may be a web response, which takes no
    /// synchronous writes.
    /// </summary>
    public static async Task WriteBoardAsync(TextWriter csv, ExportSnapshot s, CancellationToken ct = default)
    {
        await csv.WriteAsync(Row("track_id", "track", "agenda_item_id", "agenda_item", "category", "status", "as_of", "disputed", "well_sourced",
            "claims", "independent_origins", "best_grade", "open_gap", "note").AsMemory(), ct);
        foreach (var board in s.Boards)
        {
            foreach (var i in board.Items)
            {
                var c = i.Current;
                await csv.WriteAsync(Row(Int(board.TrackId), board.TrackName, Int(i.Id), i.Title, i.Category.ToString(), c?.Status.ToString() ?? "",
                    c is null ? "" : Date(c.AsOf), c is null ? "" : Bool(c.Disputed), c is null ? "" : Bool(c.WellSourced),
                    Int(c?.Backing.Claims ?? 0), Int(c?.Backing.IndependentOrigins ?? 0), c?.Backing.BestGrade?.ToString() ?? "",
                    i.OpenGap?.Status.ToString() ?? "", i.CurrentNote ?? "").AsMemory(), ct);
            }
        }
    }

    /// <summary>Writes the claims, a row at a time (see <see cref="WriteBoardAsync"/>).</summary>
    public static async Task WriteClaimsAsync(TextWriter csv, ExportSnapshot s, CancellationToken ct = default)
    {
        await csv.WriteAsync(Row("claim_id", "report_id", "report_title", "outlet", "published_on", "span_start", "span_end", "quote", "source", "source_reliability",
            "via_source", "stance", "credibility", "grade", "cue", "hedge", "meeting_ids", "agenda_item_ids", "recorded_at").AsMemory(), ct);
        foreach (var c in s.Claims)
        {
            await csv.WriteAsync(Row(Int(c.Id), Int(c.ReportId), c.ReportTitle, c.Outlet ?? "", c.PublishedOn is { } p ? Date(p) : "", Int(c.Start), Int(c.End), c.Quote,
                c.SourceName ?? "", c.SourceReliability?.ToString() ?? "", c.ViaSourceName ?? "", c.Stance.ToString(), Int(c.Credibility), c.Grade,
                c.Cue ?? "", c.Hedge ?? "", string.Join(' ', c.MeetingIds), string.Join(' ', c.AgendaItemIds), StixBundleBuilder.Timestamp(c.RecordedAt)).AsMemory(), ct);
        }
    }

    /// <summary>
    /// Writes the positions, a row at a time (see <see cref="WriteBoardAsync"/>): the claims each rests on by id, and
    /// their sources with reliability ("a senior Israeli security source (B)"; "outlet" for the outlet's own voice), in the same order.
    /// </summary>
    public static async Task WritePositionsAsync(TextWriter csv, ExportSnapshot s, CancellationToken ct = default)
    {
        await csv.WriteAsync(Row("position_id", "track_id", "agenda_item_id", "agenda_item", "party_actor_id", "party", "kind", "wording", "as_of",
            "as_of_start", "as_of_end", "claim_ids", "sources", "recorded_at").AsMemory(), ct);
        foreach (var p in s.Positions)
        {
            await csv.WriteAsync(Row(Int(p.Id), Int(p.TrackId), Int(p.AgendaItemId), p.AgendaItem, Int(p.PartyActorId), p.Party, p.Kind, p.Wording, p.AsOf,
                p.AsOfStart is { } start ? Date(start) : "", p.AsOfEnd is { } end ? Date(end) : "", string.Join(' ', p.ClaimIds),
                string.Join("; ", p.Sources.Select(x => x is null ? "outlet" : $"{x.Name} ({x.Reliability})")), StixBundleBuilder.Timestamp(p.RecordedAt)).AsMemory(), ct);
        }
    }

    private static string Row(params string[] fields) => string.Join(',', fields.Select(Field)) + "\r\n";

    /// <summary>
    /// One cell as written: quoted where needed, and a cell a spreadsheet would read as a formula neutralised with a
    /// leading apostrophe (OWASP CSV injection): one starting with =, +, -, @, a tab or a carriage return, or with
    /// spaces before =, +, - or @ (spreadsheets trim them). A plain number such as -5 or +1.5e3 stays a number.
    /// </summary>
    public static string Field(string value)
    {
        if (LooksLikeFormula(value))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    private static bool LooksLikeFormula(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        if (value[0] is '\t' or '\r')
        {
            return true;
        }

        var first = value.TrimStart(' ');
        return first.Length > 0 && first[0] is '=' or '+' or '-' or '@'
            && !(first.Length == value.Length && double.TryParse(value, NumberStyles.Float & ~(NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite), CultureInfo.InvariantCulture, out _));
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
