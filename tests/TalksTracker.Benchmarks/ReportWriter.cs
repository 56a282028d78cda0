using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TalksTracker.Benchmarks;

/// <summary>Writes docs/benchmarks.md (for people) and docs/benchmarks.json (every figure, for scripts).</summary>
public static class ReportWriter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Why a missed target is missed, from profiling (keyed by the start of the target's name; the longest key that fits wins).</summary>
    public static readonly Dictionary<string, string> Why = new(StringComparer.Ordinal)
    {
        ["timeline"] = "The filters and the page read one row per meeting (MeetingClaimFacts, MeetingMentions, MeetingClaimAgendaItems, kept by every save) " +
                       "and the timeline-order indexes, as the floor does; what is left over the floor is EF's fixed cost per statement (four statements: count, the page with its claim and origin counts, the meetings' participants, the agenda items touched; " +
                       "each with its compiled-query lookup, parameters and materialisation), about a quarter of a millisecond each, which dominates the ratio when " +
                       "the floor itself is under a millisecond. The actor filter gathers the actor's meetings from four indexes (a UNION of thousands of " +
                       "ids at L); within a date range the product builds it once and pages in memory, the floor builds it twice (count, page).",
        ["meeting dossier"] = "Five statements (meeting, participants, track roles, agenda, claims) each with EF's fixed per-statement cost over a floor of " +
                              "well under a millisecond.",
        ["report reader"] = "Three statements on one pooled context, each compiled (the report with its pending proposals, each claim's links, the claims), " +
                            "as the floor reads them; EF's fixed cost per statement against a floor of about 0.2 ms.",
        ["source page"] = "Three statements on one pooled context, each compiled (the source with how many claims it made and relayed; the newest " +
                          "300 it made; the newest 300 it relayed) against the floor's four; the rest is EF's materialisation of up to 600 claims.",
        ["search"] = "Each search reads each index's hits (ids and the page's snippets; ranked in a second statement when few enough match), " +
                     "then the claims and reports they name and the actors the words match, through EF (three more statements), and splits " +
                     "the snippets for the page; over a floor of a few milliseconds that is the ratio, and the floor itself moves with the " +
                     "machine (the phrase's floor p50 12–18 ms across runs, its ratio 1.23–1.69).",
        ["search: prefix"] = "Totals are counted up to 10,000 and at most 2,000 matches are ranked (newest first beyond), so a common word reads about " +
                     "10,000 ids per index, lazily in rowid order; a prefix makes FTS5 merge the whole doclists of every word with that prefix " +
                     "before the first row (about 17 ms for 'milit*', 227,000 claims, whatever the LIMIT or rowid range), once per statement and " +
                     "twice per index (ids, then the page's snippets). Tried and left: rewriting the prefix as an OR of its words streams like a " +
                     "common word (3 ms), but finding the words through fts5vocab costs as much as the merge; FTS5 prefix indexes would multiply " +
                     "the index size and its rebuild time by the number of prefix lengths kept.",
        ["progress board"] = "The board reads the track's status changes and their evidence ids (2,197 changes and 4,394 evidence claims for the busiest " +
                             "track at L), then the facts of only the claims that can decide each item (DecisiveChanges: newest down to the newest " +
                             "well-sourced date), then the denials not older than each item's status; the floor reads every evidence claim, so on the " +
                             "busiest track the product is below it and on a small track EF's fixed cost per statement (six statements) is the ratio.",
        ["board positions"] = "The panel seeks, along the (item, party, date) index, the few positions of each party's line the gap rules need " +
                              "(first, latest, last before the window, the run of the latest kind and the one before it) and reads only those " +
                              "with their claims, about 7 a line; the floor reads every position of the track and its claim ids (47,696 and " +
                              "71,355 on the busiest track at L), so on the busiest track the product is far below it.",
        ["digest"] = "Six statements (the track, its meetings, its status changes, the sources new to it, the denials, the position changes), " +
                     "the sources and denials testing 'about the track' from each recent claim's own links, the position changes through the " +
                     "(item, recorded) index with each one's previous stance sought back along its party's line; the floor does the same six.",
        ["bulk import"] = "Raw inserts are single-threaded in SQLite; the text is made on the other core. Of the time: the inserts (about five " +
                          "statements per claim), building the dropped secondary indexes, the FTS5 rebuild and the per-meeting figures (whose " +
                          "independent-origin count runs in C#). On a shared machine the wall time is several times the processor time " +
                          "(both are reported).",
        ["import throughput"] = "The intake path is built for one editor at a time: per report it opens a context, checks sources, meetings, agenda items and " +
                                "actors, writes the report, claims and links in a transaction with an audit entry (JSON of every value) per row, and the FTS triggers run.",
        ["extraction"] = "p95 is dominated by garbage collections and JIT tiering on a shared 2-core machine; p50 is well under the limit.",
        ["HTTP GET /timeline"] = "Each GET prerenders the MudBlazor page (layout, filters, 50 cards) and runs the timeline's statements: about 10–15 ms of " +
                                 "the server's processor time per request at L once warm (the *server CPU* column; 17–22 ms while server garbage collection " +
                                 "ran with DATAS), plus the load generator's own share of the two cores. With 50 clients in a closed loop, p95 ≈ 50 × " +
                                 "processor time per request / 2 cores, so 100 ms needs under about 3 ms of processor time per page: what a one-line page in " +
                                 "the layout costs (the /account/denied floor). No part of the page stands out in a profile (rendering and disposing the " +
                                 "components, the MudBlazor filter inputs, SQLite reads, antiforgery and data protection, each a few per cent); meeting the " +
                                 "target needs a first response that does not render the timeline's data per request (see the notes at the top). From 4 " +
                                 "to about 130 requests/s: the pickers search as you type instead of listing every actor, venue and source; the cards are " +
                                 "plain markup in MudBlazor's classes; the server is measured as deployed (its own process, server garbage collection, " +
                                 "warmed up) instead of inside the load generator; and garbage collection runs without DATAS.",
        ["HTTP GET /api/meetings"] = "The API runs TimelineAsync per request (four statements) after one read for the API key (the principal is kept per " +
                                     "version of its user): about 3.3–5.0 ms of the server's processor time per request once warm, by run, so 50 clients " +
                                     "in a closed loop on 2 cores (shared with the load generator) queue behind processor time: p95 ≈ 50 × 3.3–5.0 ms / " +
                                     "2 cores ≈ 80–125 ms plus the generator's share. It passes or fails with the machine.",
    };

    /// <summary>SQLite runs write benchmarks.md/.json, PostgreSQL runs benchmarks-postgres.md/.json (with SQLite's figures beside theirs when the folder has them).</summary>
    public static void Write(BenchmarkReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        var name = FileName(report.Provider);
        var json = Json(report);
        File.WriteAllText(Path.Combine(folder, name + ".json"), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        var markdown = Markdown(report);
        var other = Path.Combine(folder, FileName(report.Provider == Data.DatabaseProvider.Sqlite ? Data.DatabaseProvider.Postgres : Data.DatabaseProvider.Sqlite) + ".json");
        if (File.Exists(other) && JsonNode.Parse(File.ReadAllText(other)) is JsonObject otherJson && (string?)otherJson["scale"] == report.Scale)
        {
            markdown += Environment.NewLine + (report.Provider == Data.DatabaseProvider.Postgres ? Beside(otherJson, json) : Beside(json, otherJson));
        }

        File.WriteAllText(Path.Combine(folder, name + ".md"), markdown);
    }

    private static string FileName(Data.DatabaseProvider provider) => provider == Data.DatabaseProvider.Postgres ? "benchmarks-postgres" : "benchmarks";

    /// <summary>The same queries at the same scale on both engines (from the two JSON reports).</summary>
    private static string Beside(JsonObject sqlite, JsonObject postgres)
    {
        var sb = new StringBuilder();
        sb.AppendLine("## SQLite and PostgreSQL side by side");
        sb.AppendLine();
        sb.Append(Inv, $"Same scale ({sqlite["scale"]}), same generated data, same product code; SQLite run {sqlite["date_utc"]}, PostgreSQL run {postgres["date_utc"]} ({postgres["engine"]}). ");
        sb.AppendLine("Each engine's ratio is to its own floor (the same hand-written SQL, in its dialect).");
        sb.AppendLine();
        sb.AppendLine("| query | SQLite p50 | SQLite p95 | ratio | PostgreSQL p50 | PostgreSQL p95 | ratio | target p95 |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        var pg = (postgres["queries"] as JsonArray ?? []).OfType<JsonObject>().ToDictionary(q => (string)q["name"]!);
        foreach (var q in (sqlite["queries"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var other = pg.GetValueOrDefault((string)q["name"]!);
            sb.AppendLine(Inv, $"| {q["name"]} | {Ms(q["product"]?["p50_ms"])} | {Ms(q["product"]?["p95_ms"])} | {Ms(q["ratio"])} | " +
                               $"{Ms(other?["product"]?["p50_ms"])} | {Ms(other?["product"]?["p95_ms"])} | {Ms(other?["ratio"])} | {(q["target_p95_ms"] is { } t ? $"≤ {t}" : "–")} |");
        }

        var pgHttp = (postgres["http"] as JsonArray ?? []).OfType<JsonObject>().ToDictionary(h => (string)h["path"]!);
        foreach (var h in (sqlite["http"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var other = pgHttp.GetValueOrDefault((string)h["path"]!);
            var floor = h["floor"] is not null;
            sb.AppendLine(Inv, $"| HTTP GET {h["path"]}{(floor ? " (floor)" : "")} (50 clients; errors {h["errors"]} / {other?["errors"]?.ToString() ?? "–"}) | {Ms(h["latency"]?["p50_ms"])} | {Ms(h["latency"]?["p95_ms"])} | – | " +
                               $"{Ms(other?["latency"]?["p50_ms"])} | {Ms(other?["latency"]?["p95_ms"])} | – | {(floor ? "–" : "≤ 100")} |");
        }

        return sb.ToString();

        static string Ms(JsonNode? node) => node is null ? "–" : F(node.GetValue<double>());
    }

    private static string F(double v) => v.ToString(v >= 100 ? "0" : "0.00", Inv);

    public static string Table(BenchmarkReport report)
    {
        var sb = new StringBuilder();
        sb.AppendLine(Inv, $"| query | p50 ms | p95 ms | n | floor p50 ms | floor p95 ms | ratio (p50) | target p95 | same answer |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var q in report.Queries)
        {
            sb.AppendLine(Inv, $"| {q.Name} | {F(q.Service.P50)} | {F(q.Service.P95)} | {q.Service.Count} | {(q.Floor is null ? "–" : F(q.Floor.P50))} | {(q.Floor is null ? "–" : F(q.Floor.P95))} | {(q.Ratio is { } r ? F(r) : "–")} | {(q.TargetP95Ms is { } t ? $"≤ {t:0}" : "–")} | {(q.SameAnswer is null ? "–" : q.SameAnswer.Value ? "yes" : "NO")} |");
        }

        return sb.ToString();
    }

    private static string Markdown(BenchmarkReport r)
    {
        var d = r.Data;
        var sb = new StringBuilder();
        var postgres = r.Provider == Data.DatabaseProvider.Postgres;
        sb.AppendLine(Inv, $"# TalksTracker benchmark — scale {r.Scale}{(postgres ? " on PostgreSQL" : "")}");
        sb.AppendLine();
        sb.AppendLine("Generated by `dotnet run -c Release --project tests/TalksTracker.Benchmarks -- --scale " + r.Scale + (postgres ? " --provider postgres" : "") + " --out docs`; " +
                      $"every figure is also in `{FileName(r.Provider)}.json`." +
                      (postgres ? "" : " The same run on PostgreSQL, when made, is in `benchmarks-postgres.md` with these figures beside its own."));
        sb.AppendLine();
        sb.AppendLine(Inv, $"- **Date**: {r.StartedAt:yyyy-MM-dd HH:mm} UTC; whole run {r.TotalSeconds:0} s");
        sb.AppendLine(Inv, $"- **Machine**: {r.Machine}; load average (1/5/15 min) {r.LoadAtStart} at the start, {r.LoadAtEnd} at the end — the machine is shared with other work, so absolute times are upper bounds");
        sb.AppendLine(Inv, $"- **Engine**: {r.Engine}");
        sb.AppendLine(Inv, $"- **Data**: {string.Join(", ", r.Counts.Select(c => $"{c.Value:N0} {c.Key}"))}; generated SQLite database file {d.DatabaseBytes / 1048576.0:N0} MB (WAL)");
        if (r.Copy is { } copy)
        {
            sb.Append(Inv, $"- **Copy into PostgreSQL** (the product's `migrate-data` copier, into a fresh database `{copy.Database}` with the product's PostgreSQL migrations): ");
            sb.Append(Inv, $"{copy.Rows:N0} rows in {copy.Seconds:0.0} s ({copy.Rows / Math.Max(copy.Seconds, 0.001):N0} rows/s), counts compared per table; then `VACUUM ANALYZE` {copy.AnalyzeSeconds:0.0} s. ");
            sb.AppendLine("The import figures below are SQLite's (the data is generated there).");
        }
        sb.AppendLine(Inv, $"- **Import**: {d.Mode}");
        if (!d.Reused)
        {
            sb.AppendLine(Inv, $"  - {d.Reports:N0} reports with {d.Claims:N0} claims in {d.ImportSeconds:0.0} s = **{d.ClaimsPerSecond:N0} claims/s** ({d.ReportsPerSecond:N0} reports/s); catalog {d.CatalogSeconds:0.0} s; history completion (back-dating, status changes) {d.PostSeconds:0.0} s, not timed as import");
            if (d.ImportCpuSeconds > 0)
            {
                sb.AppendLine(Inv, $"  - processor time of the import: {d.ImportCpuSeconds:0.0} s ({d.ClaimsPerCpuSecond:N0} claims per processor-second); within the import: text generation {d.GenerationSeconds:0.0} s, secondary indexes {d.IndexBuildSeconds:0.0} s, FTS5 rebuild {d.SearchRebuildSeconds:0.0} s, per-meeting and per-agenda-item figures {d.FiguresRebuildSeconds:0.0} s");
            }

            if (d.ReportImportMs.Count > 0)
            {
                var s = Stats.Of(d.ReportImportMs);
                sb.AppendLine(Inv, $"  - one report through the intake: p50 {F(s.P50)} ms, p95 {F(s.P95)} ms, max {F(s.Max)} ms");
            }
        }

        sb.AppendLine();
        sb.AppendLine("## Targets");
        sb.AppendLine();
        sb.AppendLine("The targets are set for scale L on 2 cores; at smaller scales they are shown for orientation.");
        sb.AppendLine();
        sb.AppendLine("| target | value | limit | met | missed by |");
        sb.AppendLine("|---|---:|---:|---|---|");
        foreach (var t in r.Targets)
        {
            var missedBy = t.Met ? "" : t.Comparison == "≤" ? $"{F(t.Value - t.Limit)} {t.Unit} ({t.Value / t.Limit:0.0}× the limit)" : $"{F(t.Limit - t.Value)} {t.Unit} short ({t.Value / t.Limit:P0} of the limit)";
            if (t.Note is not null)
            {
                missedBy = (missedBy + "; " + t.Note).TrimStart(';', ' ');
            }

            sb.AppendLine(Inv, $"| {t.Name} | {F(t.Value)} {t.Unit} | {t.Comparison} {F(t.Limit)} | {(t.Met ? "yes" : "**no**")} | {missedBy} |");
        }

        var missed = r.Targets.Where(t => !t.Met).ToList();
        if (missed.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("### Why the missed ones are missed");
            sb.AppendLine();
            foreach (var t in missed)
            {
                // The longest matching key; a target nobody analysed yet has none.
                var why = Why.Where(w => t.Name.StartsWith(w.Key, StringComparison.Ordinal)).OrderByDescending(w => w.Key.Length)
                    .Select(w => w.Value).FirstOrDefault() ?? "not analysed yet";
                sb.AppendLine(Inv, $"- **{t.Name}**: {why}");
            }
        }

        sb.AppendLine();
        sb.AppendLine("## Queries");
        sb.AppendLine();
        sb.AppendLine("p50/p95 in milliseconds after warm-up (at least 5 calls, then until the runtime's compiler has been quiet for 0.5 s, at most 5 s at L: tiered compilation), in-process through the product's services (a context from the pool per call, pooled connections), nearest-rank percentiles. " +
                      "The **floor** computes the same answer with hand-written SQL on one open connection (reading every column into boxed rows); " +
                      "**ratio** = product p50 / floor p50. \"Same answer\" compares ids and counts of both answers.");
        sb.AppendLine();
        sb.Append(Table(r));
        sb.AppendLine();
        foreach (var q in r.Queries)
        {
            sb.AppendLine(Inv, $"- *{q.Name}*: {q.Description}. Floor p95/ratio (p95): {(q.Floor is null ? "–" : $"{F(q.Floor.P95)} ms / {F(q.RatioP95 ?? 0)}")}; answer `{q.Answer}`");
        }

        sb.AppendLine();
        sb.AppendLine("## HTTP (real Kestrel on loopback)");
        sb.AppendLine();
        sb.AppendLine("The app runs in its own process, as deployed: `dotnet TalksTracker.Web.dll` (its own runtime settings, so server garbage collection; the web project's folder as content root, as `dotnet run` has it), Production environment, " +
                      "`Seed:OnFirstStart=false`, logging at Warning, API rate limits lifted, the generated database via `ConnectionStrings:TalksTracker`. " +
                      "The load generator (this process) runs closed loops: each client sends its next request when the last one is answered. Clients share one `HttpClient` " +
                      "(a connection pool of as many connections as clients) and send the bootstrap admin's API key (`X-Api-Key`; `--api-key` to use another). " +
                      "Each path is first loaded without recording until the server has compiled its hot code at full optimisation (tiered compilation: until its compiler thread used under 20 ms in 2 s, at least a tenth and at most half of the time budget; the *warm-up s* column), then measured; a request that fails before the measured run (ten from one client first, then the warm-up) is listed under Errors like one that fails during it. " +
                      "Client and server share the 2 cores; *server CPU* is the server process's processor time (user and system) during the measured load divided by the requests answered.");
        sb.AppendLine();
        sb.AppendLine("| path | clients | warm-up s | requests | errors | p50 ms | p95 ms | max ms | req/s | server CPU ms/request |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var h in r.Http)
        {
            sb.AppendLine(Inv, $"| GET {h.Path}{(h.Floor is null ? "" : " (floor)")} | 50 | {(r.HttpWarmUpSeconds.TryGetValue(h.Path, out var warm) ? warm.ToString("0", Inv) : "–")} | {h.Requests} | {h.Errors} | {F(h.Latency.P50)} | {F(h.Latency.P95)} | {F(h.Latency.Max)} | {h.RequestsPerSecond:0} | {(h.ServerCpuMsPerRequest is { } cpu ? F(cpu) : "–")} |");
        }

        if (r.Http.Any(h => h.Floor is not null))
        {
            sb.AppendLine();
            sb.AppendLine("The floors are loaded the same way and have no target; they show what the server costs before a page's own work:");
            sb.AppendLine();
            foreach (var h in r.Http.Where(h => h.Floor is not null))
            {
                sb.AppendLine(Inv, $"- `GET {h.Path}`: {h.Floor}.");
            }
        }

        if (r.Live is { } live)
        {
            sb.AppendLine();
            sb.AppendLine("### Live updates (#25)");
            sb.AppendLine();
            sb.AppendLine(string.Create(Inv, $"After the load, {live.Streams} Server-Sent Event streams are opened as statically rendered pages open them (`/api/changes/stream`), then {live.Saves} saves are made one after another through the API ")
                          + "(a meeting added to the first track, each when the last reached every stream); each is timed from its sending to the event naming it on each stream. "
                          + "The interactive side (dossiers updated in place over their circuits) is measured by the browser test `LivePagesTests`.");
            sb.AppendLine();
            sb.AppendLine("| streams | saves | p50 ms | p95 ms | max ms | never told |");
            sb.AppendLine("|---:|---:|---:|---:|---:|---:|");
            sb.AppendLine(Inv, $"| {live.Streams} | {live.Saves} | {F(live.Latency.P50)} | {F(live.Latency.P95)} | {F(live.Latency.Max)} | {live.Missed} |");
        }

        if (r.OverviewAfterSave is { } front)
        {
            sb.AppendLine();
            sb.AppendLine("### The overview after a save (#26)");
            sb.AppendLine();
            sb.AppendLine(string.Create(Inv, $"Then one reader: {front.Saves} meetings saved through the API one after another, each followed by `GET /` sent at once (every other save) or a second later (the others). ")
                          + "The overview's reads (every track's board) are made again in the background after each change, so the reader a second later finds them made; the one at once waits for them.");
            sb.AppendLine();
            sb.AppendLine("| `GET /` | requests | p50 ms | p95 ms | max ms |");
            sb.AppendLine("|---|---:|---:|---:|---:|");
            sb.AppendLine(Inv, $"| at once | {front.Immediately.Count} | {F(front.Immediately.P50)} | {F(front.Immediately.P95)} | {F(front.Immediately.Max)} |");
            sb.AppendLine(Inv, $"| a second later | {front.SecondLater.Count} | {F(front.SecondLater.P50)} | {F(front.SecondLater.P95)} | {F(front.SecondLater.Max)} |");
        }

        sb.AppendLine();
        sb.AppendLine("Memory in MB. `server_*` is the server process alone: resident (`VmRSS`), its own part (`RssAnon`: heaps, stacks, compiled code) and the file-backed part " +
                      "(`RssFile`: the runtime's and app's libraries, about 100 MB, and on SQLite the database pages its memory-mapped reads touched, shared with the kernel's page cache), before and after the load, and the peak resident (`VmHWM`); " +
                      "`load_generator_*` is the benchmark process (generation, queries and the load's clients).");
        sb.AppendLine();
        foreach (var m in r.Memory)
        {
            sb.AppendLine(Inv, $"- {m.Key}: {m.Value:N0}");
        }

        sb.AppendLine();
        sb.AppendLine("## Errors");
        sb.AppendLine();
        sb.AppendLine(r.Errors.Count == 0 ? "None." : string.Join("\n", r.Errors.Select(e => "- " + e)));
        return sb.ToString();
    }

    private static JsonObject Json(BenchmarkReport r)
    {
        var d = r.Data;
        JsonObject StatsJson(Stats s) => new() { ["n"] = s.Count, ["p50_ms"] = s.P50, ["p95_ms"] = s.P95, ["mean_ms"] = s.Mean, ["max_ms"] = s.Max };
        var import = new JsonObject
        {
            ["mode"] = d.Mode,
            ["reused_database"] = d.Reused,
            ["reports"] = d.Reports,
            ["claims"] = d.Claims,
            ["seconds"] = d.ImportSeconds,
            ["claims_per_second"] = d.ClaimsPerSecond,
            ["reports_per_second"] = d.ReportsPerSecond,
            ["catalog_seconds"] = d.CatalogSeconds,
            ["history_completion_seconds"] = d.PostSeconds,
            ["text_generation_seconds_within_import"] = d.GenerationSeconds,
            ["search_rebuild_seconds_within_import"] = d.SearchRebuildSeconds,
            ["index_build_seconds_within_import"] = d.IndexBuildSeconds,
            ["import_cpu_seconds"] = d.ImportCpuSeconds,
            ["claims_per_cpu_second"] = d.ClaimsPerCpuSecond,
            ["figures_rebuild_seconds_within_import"] = d.FiguresRebuildSeconds,
        };
        if (d.ReportImportMs.Count > 0)
        {
            import["per_report"] = StatsJson(Stats.Of(d.ReportImportMs));
        }

        return new JsonObject
        {
            ["scale"] = r.Scale,
            ["engine"] = r.Engine,
            ["provider"] = r.Provider.ToString(),
            ["postgres_copy"] = r.Copy is { } copy
                ? new JsonObject { ["database"] = copy.Database, ["rows"] = copy.Rows, ["seconds"] = copy.Seconds, ["analyze_seconds"] = copy.AnalyzeSeconds }
                : null,
            ["date_utc"] = r.StartedAt.ToString("O", Inv),
            ["machine"] = r.Machine,
            ["load_average_start"] = r.LoadAtStart,
            ["load_average_end"] = r.LoadAtEnd,
            ["total_seconds"] = r.TotalSeconds,
            ["database_bytes"] = d.DatabaseBytes,
            ["counts"] = new JsonObject(r.Counts.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))),
            ["import"] = import,
            ["queries"] = new JsonArray(r.Queries.Select(q => (JsonNode)new JsonObject
            {
                ["name"] = q.Name,
                ["group"] = q.Group,
                ["description"] = q.Description,
                ["product"] = StatsJson(q.Service),
                ["floor"] = q.Floor is null ? null : StatsJson(q.Floor),
                ["ratio"] = q.Ratio,
                ["ratio_p95"] = q.RatioP95,
                ["same_answer"] = q.SameAnswer,
                ["target_p95_ms"] = q.TargetP95Ms,
            }).ToArray()),
            ["http"] = new JsonArray(r.Http.Select(h => (JsonNode)new JsonObject
            {
                ["path"] = h.Path,
                ["floor"] = h.Floor,
                ["clients"] = 50,
                ["requests"] = h.Requests,
                ["errors"] = h.Errors,
                ["error_samples"] = new JsonArray(h.ErrorSamples.Select(e => (JsonNode)JsonValue.Create(e)!).ToArray()),
                ["latency"] = StatsJson(h.Latency),
                ["requests_per_second"] = h.RequestsPerSecond,
                ["server_cpu_ms_per_request"] = h.ServerCpuMsPerRequest,
                ["warm_up_seconds"] = r.HttpWarmUpSeconds.TryGetValue(h.Path, out var warmUp) ? warmUp : null,
            }).ToArray()),
            ["memory_mb"] = new JsonObject(r.Memory.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value))),
            ["targets"] = new JsonArray(r.Targets.Select(t => (JsonNode)new JsonObject
            {
                ["name"] = t.Name,
                ["value"] = t.Value,
                ["limit"] = t.Limit,
                ["comparison"] = t.Comparison,
                ["unit"] = t.Unit,
                ["met"] = t.Met,
                ["note"] = t.Note,
            }).ToArray()),
            ["errors"] = new JsonArray(r.Errors.Select(e => (JsonNode)JsonValue.Create(e)!).ToArray()),
        };
    }
}
