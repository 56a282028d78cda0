using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TalksTracker.Data.Persistence;
using TalksTracker.Data.Common;
using TalksTracker.Data.Time;
using TalksTracker.Domain;
using TalksTracker.Domain.Extraction;
using TalksTracker.Domain.Intake;
using TalksTracker.Domain.Provenance;

namespace TalksTracker.Data.Intake;

/// <summary>
/// Takes reports in: checks the text and metadata, normalises Markdown and HTML to text, refuses
/// the same text twice, and stores the report with its claims (given) or with extracted proposals
/// for an editor to review — all in one transaction.
/// </summary>
/// <param name="meaning">What tells the position finder how alike in meaning a stance and an item are.</param>
public sealed class IntakeService(IDbContextFactory<TalksTrackerDbContext> contextFactory, GazetteerService gazetteer, IntakeOptions options, TimeProvider clock,
    TalksTracker.Domain.Positions.ITextEmbedder meaning, ILogger<IntakeService>? logger = null)
{
    /// <summary>What extraction proposes for a text, with sources matched to known ones; nothing is stored.</summary>
    /// <param name="title">The title the editor typed: when given, it wins and the whole text is body.</param>
    public async Task<Outcome<ExtractionPreview>> PreviewAsync(string? text, ReportFormat? format, CancellationToken ct = default, string? title = null)
    {
        if (ReportInput.ProblemWith(text) is { } problem)
        {
            return Outcome<ExtractionPreview>.Failure(nameof(ReportSubmission.Text), problem);
        }

        var normalised = Normalise(text!, format);
        var result = await ExtractAsync(normalised, title, ct);
        if (result is null)
        {
            return Outcome<ExtractionPreview>.Failure(nameof(ReportSubmission.Text), TimedOut);
        }

        var sources = await MatchSourcesAsync(result.Claims.Select(c => c.Source), ct);
        return Outcome<ExtractionPreview>.Success(new ExtractionPreview(result.Title, normalised, result.Claims
            .Select(c => new ExtractionProposal(c.Span, c.Text, c.Source,
                c.Source is null ? null : new ProposedSource(Known(sources, c.Source), c.Source),
                c.SourceKind, c.Via, c.Cue, c.Stance, c.Hedges, c.Mentions))
            .ToList(), result.Note));
    }

    public async Task<Outcome<IntakeReceipt>> TakeInAsync(ReportSubmission submission, CancellationToken ct = default)
    {
        var problems = new ProblemList();
        if (ReportInput.ProblemWith(submission.Text) is { } textProblem)
        {
            problems.Add(nameof(ReportSubmission.Text), textProblem);
            return Outcome<IntakeReceipt>.Failure(problems.ToDictionary());
        }

        var text = Normalise(submission.Text, submission.Format);
        var extraction = submission.Claims is null ? await ExtractAsync(text, submission.Title, ct) : null;
        if (submission.Claims is null && extraction is null)
        {
            problems.Add(nameof(ReportSubmission.Text), TimedOut);
            return Outcome<IntakeReceipt>.Failure(problems.ToDictionary());
        }

        // A typed title wins; else the headline line or a title derived from the first sentence (never the whole paragraph).
        var title = string.IsNullOrWhiteSpace(submission.Title)
            ? extraction?.Title ?? ReportLayout.Of(text).Title
            : submission.Title.Trim();
        CheckMetadata(submission, title, problems);
        if (problems.Any)
        {
            return Outcome<IntakeReceipt>.Failure(problems.ToDictionary());
        }

        // A report handed in without its date takes the one its dateline gives ("BEIRUT, Nov 27 (Reuters) -").
        var publishedOn = submission.PublishedOn ?? DatelineDate.Of(text, clock.Today());
        var proposals = extraction is null ? [] : await ProposalsAsync(extraction, publishedOn ?? clock.Today(), ct);
        var hash = ReportFingerprint.Of(text);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        // One write transaction from the first read, behind the write gate: the duplicate check and the look-up of
        // sources by name cannot race another intake of the same text or naming the same new source (nor a catalog
        // creation of that source). Extraction is done before, so it stays short.
        await using var transaction = await WriteGate.BeginAsync(db, WriteLock.Names, ct);
        var existing = await db.Reports.Where(r => r.ContentHash == hash).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        if (existing is { } existingId)
        {
            return Outcome<IntakeReceipt>.Success(new IntakeReceipt(existingId, AlreadyPresent: true, 0, 0));
        }

        var report = new Report
        {
            Title = title,
            Outlet = Blank(submission.Outlet),
            Url = Blank(submission.Url),
            PublishedOn = publishedOn,
            Language = Blank(submission.Language) ?? "en",
            Text = text,
            ContentHash = hash,
            TakenInAt = clock.UtcNow(),
        };
        db.Reports.Add(report);

        var claims = submission.Claims is null ? [] : await ClaimsAsync(db, submission.Claims, text, problems, ct);
        if (problems.Any)
        {
            return Outcome<IntakeReceipt>.Failure(problems.ToDictionary());
        }

        foreach (var claim in claims)
        {
            claim.Report = report;
        }

        db.Claims.AddRange(claims);
        // The report, its claims and its proposals are written together or not at all.
        await db.SaveChangesAsync(ct);
        foreach (var proposal in proposals)
        {
            proposal.ReportId = report.Id;
        }

        db.ClaimProposals.AddRange(proposals);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<IntakeReceipt>.Success(new IntakeReceipt(report.Id, false, claims.Count, proposals.Count, extraction?.Note));
    }

    /// <summary>
    /// Proposes a stored report's claims again (after the catalog learned new names, or the engine improved): proposals
    /// the editor decided are kept, the undecided ones are replaced, and nothing is proposed over a decided proposal or
    /// a claim already recorded. A withdrawn report is not proposed again until it is restored.
    /// </summary>
    public async Task<Outcome<ReExtraction>> ReExtractAsync(int reportId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var report = await db.Reports.AsNoTracking().Where(r => r.Id == reportId)
            .Select(r => new { r.Title, r.Text, r.WithdrawnAt, r.PublishedOn, r.TakenInAt, Claims = r.Claims.Select(c => new TextSpan(c.Start, c.End)).ToList() })
            .SingleOrDefaultAsync(ct);
        if (report is null)
        {
            return Outcome<ReExtraction>.Failure(Editing.Edits.Missing, $"There is no report {reportId}.");
        }

        if (report.WithdrawnAt is not null)
        {
            return Outcome<ReExtraction>.Failure(Editing.Conflicts.Field, "This report is withdrawn: restore it before proposing its claims again.");
        }

        // A title taken from the text's first line is found there again; a typed one is not in the text, which is all body.
        var typedTitle = report.Text.StartsWith(report.Title, StringComparison.Ordinal) ? null : report.Title;
        var extraction = await ExtractAsync(report.Text, typedTitle, ct);
        if (extraction is null)
        {
            return Outcome<ReExtraction>.Failure(nameof(ReportSubmission.Text), TimedOut);
        }

        var proposals = await db.ClaimProposals.Where(p => p.ReportId == reportId).ToListAsync(ct);
        var decided = proposals.Where(p => p.Decision != ProposalDecision.Pending).Select(p => new TextSpan(p.Start, p.End)).Concat(report.Claims).ToList();
        var fresh = (await ProposalsAsync(extraction, report.PublishedOn ?? DateOnly.FromDateTime(report.TakenInAt), ct))
            .Where(p => !decided.Exists(d => d.Start < p.End && p.Start < d.End))
            .ToList();
        foreach (var proposal in fresh)
        {
            proposal.ReportId = reportId;
        }

        db.ClaimProposals.RemoveRange(proposals.Where(p => p.Decision == ProposalDecision.Pending));
        db.ClaimProposals.AddRange(fresh);
        await db.SaveChangesAsync(ct);
        var kept = proposals.Count(p => p.Decision != ProposalDecision.Pending);
        var note = fresh.Count > 0 ? null
            : decided.Count > 0 ? "Every sentence is already decided or recorded as a claim: nothing new to propose."
            : extraction.Note;
        return Outcome<ReExtraction>.Success(new ReExtraction(reportId, kept, fresh.Count, note));
    }

    private string TimedOut =>
        $"Proposing claims for this text took longer than {options.ExtractionTimeout.TotalSeconds:0.#} s and was stopped; nothing was stored. Split the text or hand the claims in with it.";

    /// <summary>Extraction under the time limit; null when it ran out (the caller's own cancellation still throws).</summary>
    private async Task<ExtractionResult?> ExtractAsync(string text, string? title, CancellationToken ct)
    {
        var gazetteerData = await gazetteer.LoadAsync(ct);
        using var timeout = new CancellationTokenSource(options.ExtractionTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            return ClaimExtractor.ExtractCancellably(text, gazetteerData, linked.Token, title);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }

    private static string Normalise(string text, ReportFormat? format)
    {
        var canonical = ReportInput.Canonical(text);
        return ReportInput.Canonical(ReportText.Normalise(canonical, format ?? ReportText.Detect(canonical)).Text);
    }

    private void CheckMetadata(ReportSubmission s, string title, ProblemList problems)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            problems.Add(nameof(ReportSubmission.Title), "A report needs a title (or a text to take it from).");
        }
        else if (title.Length > FieldLimits.ReportTitle)
        {
            problems.Add(nameof(ReportSubmission.Title), $"The title is longer than {FieldLimits.ReportTitle} characters.");
        }

        if (Blank(s.Url) is { } url && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || url.Length > FieldLimits.ReportUrl))
        {
            problems.Add(nameof(ReportSubmission.Url), "The URL must be a web address starting with http:// or https://.");
        }

        if (s.Outlet?.Length > FieldLimits.ReportOutlet)
        {
            problems.Add(nameof(ReportSubmission.Outlet), $"The outlet name is longer than {FieldLimits.ReportOutlet} characters.");
        }

        if (s.Language is { } language && (language.Length is < 2 or > FieldLimits.ReportLanguage || !language.All(c => char.IsAsciiLetter(c) || c == '-')))
        {
            problems.Add(nameof(ReportSubmission.Language), "The language is a code such as en, ar or he-IL.");
        }

        if (s.PublishedOn is { } published && published > clock.Today().AddDays(1))
        {
            problems.Add(nameof(ReportSubmission.PublishedOn), "The publication date is in the future.");
        }
    }

    private static async Task<List<Claim>> ClaimsAsync(TalksTrackerDbContext db, IReadOnlyList<SubmittedClaim> submitted, string text, ProblemList problems, CancellationToken ct)
    {
        // JSON can carry null entries ("claims": [null]); refuse them rather than fail on them.
        for (var i = 0; i < submitted.Count; i++)
        {
            if (submitted[i] is null)
            {
                problems.Add($"Claims[{i}]", "This claim is empty (null).");
            }
        }

        if (problems.Any)
        {
            return [];
        }

        var claims = new List<Claim>();
        var names = submitted.Where(c => c.SourceId is null && !string.IsNullOrWhiteSpace(c.SourceName)).Select(c => c.SourceName!.Trim()).Distinct().ToList();
        var known = await db.Sources.Where(s => names.Contains(s.Name)).ToDictionaryAsync(s => s.Name, StringComparer.OrdinalIgnoreCase, ct);
        var sourceIds = submitted.Where(c => c.SourceId is not null).Select(c => c.SourceId!.Value).Distinct().ToList();
        var existingIds = await db.Sources.Where(s => sourceIds.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct);
        var linkIds = (Meetings: await RecordChecks.ExistingAsync(db.Meetings, submitted.SelectMany(c => c.MeetingIds ?? []), ct),
            Agenda: await RecordChecks.ExistingAsync(db.AgendaItems, submitted.SelectMany(c => c.AgendaItemIds ?? []), ct),
            Actors: await RecordChecks.ExistingAsync(db.Actors, submitted.SelectMany(c => c.ActorIds ?? []), ct));

        for (var i = 0; i < submitted.Count; i++)
        {
            var c = submitted[i];
            var field = $"Claims[{i}]";
            if (new TextSpan(c.Start, c.End).ProblemFor(text.Length) is { } spanProblem)
            {
                problems.Add(field, spanProblem);
                continue;
            }

            if (c.Credibility is < 1 or > 6)
            {
                problems.Add(field, "Credibility is graded from 1 (confirmed) to 6 (cannot be judged).");
            }

            // Both engines must refuse what does not fit, not just PostgreSQL (which fails the save on a too-long value).
            if (c.Cue?.Length > FieldLimits.ClaimCue)
            {
                problems.Add(field, $"The cue is longer than {FieldLimits.ClaimCue} characters.");
            }

            if (c.Hedge?.Length > FieldLimits.ClaimHedge)
            {
                problems.Add(field, $"The hedge is longer than {FieldLimits.ClaimHedge} characters.");
            }

            if (c.SourceId is { } sid && !existingIds.Contains(sid))
            {
                problems.Add(field, $"There is no source {sid}.");
            }

            foreach (var (ids, existing, what) in new[] { (c.MeetingIds, linkIds.Meetings, "meeting"), (c.AgendaItemIds, linkIds.Agenda, "agenda item"), (c.ActorIds, linkIds.Actors, "actor") })
            {
                foreach (var missing in (ids ?? []).Where(id => !existing.Contains(id)))
                {
                    problems.Add(field, $"There is no {what} {missing}.");
                }
            }

            Source? source = null;
            if (c.SourceId is null && !string.IsNullOrWhiteSpace(c.SourceName))
            {
                var name = c.SourceName.Trim();
                if (!known.TryGetValue(name, out source))
                {
                    known[name] = source = new Source { Name = name.Length > FieldLimits.SourceName ? name[..FieldLimits.SourceName] : name, Kind = SourceKind.Other };
                }
            }

            claims.Add(new Claim
            {
                Start = c.Start,
                End = c.End,
                Quote = text[c.Start..c.End],
                SourceId = c.SourceId,
                Source = source,
                Stance = Enum.IsDefined(c.Stance) ? c.Stance : Stance.Asserts,
                Credibility = c.Credibility,
                Cue = c.Cue,
                Hedge = c.Hedge,
                Meetings = (c.MeetingIds ?? []).Distinct().Select(id => new ClaimMeeting { MeetingId = id }).ToList(),
                AgendaItems = (c.AgendaItemIds ?? []).Distinct().Select(id => new ClaimAgendaItem { AgendaItemId = id }).ToList(),
                Actors = (c.ActorIds ?? []).Distinct().Select(id => new ClaimActor { ActorId = id }).ToList(),
            });
        }

        return claims;
    }

    private async Task<List<ClaimProposal>> ProposalsAsync(ExtractionResult extraction, DateOnly asOf, CancellationToken ct)
    {
        var sources = await MatchSourcesAsync(extraction.Claims.SelectMany(c => new[] { c.Source, c.Via }), ct);
        var links = await ProposedLinks.LoadAsync(contextFactory, extraction, asOf, ct);
        var positions = await ProposedPositions.FindAsync(contextFactory, extraction.Claims, links, [.. extraction.Claims.Select(c => Known(sources, c.Source))], extraction.Headline,
            meaning, logger ?? (ILogger)NullLogger.Instance, ct);
        return extraction.Claims.Select((c, i) => new ClaimProposal
        {
            Start = c.Span.Start,
            End = c.Span.End,
            SourceMention = Trim(c.Source, FieldLimits.ClaimProposalSourceMention),
            SourceId = Known(sources, c.Source),
            ViaMention = Trim(c.Via, FieldLimits.ClaimProposalViaMention),
            ViaSourceId = Known(sources, c.Via),
            Cue = Trim(c.Cue, FieldLimits.ClaimProposalCue),
            Hedge = Trim(c.Hedges.Count == 0 ? null : string.Join(", ", c.Hedges), FieldLimits.ClaimProposalHedge),
            Stance = c.Stance,
            // Until an editor grades it: attributed claims "possibly true", the rest "cannot be judged".
            Credibility = c.Source is null ? 6 : 3,
            ActorIds = string.Join(",", links.Actors[i]),
            AgendaItemIds = string.Join(",", links.AgendaItems[i]),
            MeetingIds = string.Join(",", links.Meetings[i]),
            Positions = ProposedPositions.Format(positions[i]),
        }).ToList();
    }

    /// <summary>Known sources whose name matches a mention (case-insensitive).</summary>
    private async Task<Dictionary<string, int>> MatchSourcesAsync(IEnumerable<string?> mentions, CancellationToken ct)
    {
        var names = mentions.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (names.Count == 0)
        {
            return new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var matches = await db.Sources.AsNoTracking().Where(s => names.Contains(s.Name)).Select(s => new { s.Name, s.Id }).ToListAsync(ct);
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in matches)
        {
            map.TryAdd(m.Name, m.Id);
        }

        return map;
    }

    private static int? Known(Dictionary<string, int> sources, string? name) =>
        name is not null && sources.TryGetValue(name, out var id) ? id : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Trim(string? value, int max) => value is null ? null : value.Length <= max ? value : value[..max];
}
