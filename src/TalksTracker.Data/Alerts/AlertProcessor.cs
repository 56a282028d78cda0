using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Accounts;
using TalksTracker.Data.Analysis;
using TalksTracker.Domain;
using TalksTracker.Domain.Alerts;
using TalksTracker.Domain.Provenance;

namespace TalksTracker.Data.Alerts;

/// <summary>
/// How the alert processor reads the audit trail. <see cref="SettleTime"/>: on PostgreSQL, how old an entry must be
/// before a pass reads past it (<c>Alerts:SettleSeconds</c>, 10 by default in the app), so a transaction that took a
/// lower id and commits within that time is still alerted; alerts come that much later.
/// </summary>
public sealed record AlertSettings(TimeSpan SettleTime);

/// <summary>What one pass of the alert processor did.</summary>
public sealed record AlertPass(int Entries, int NewAlerts, int RelaysFolded, int Notifications, bool Contended = false);

/// <summary>
/// Reads the audit trail after its cursor and turns what happened into alerts for the followers (see docs/alerts.md):
/// new claims are folded by independent origin (<see cref="AlertFolding"/>), status, position and grade changes and
/// confirmed contradictions are news by themselves. A pass writes its alerts, notifications, webhook deliveries and the
/// moved cursor in one transaction; the cursor's version makes a second instance that read the same entries fail and
/// roll back, so nothing is alerted twice, and a pass that fails half-way leaves the entries to the next one.
/// </summary>
/// <param name="settings">None: every committed entry is read at once (as on SQLite, where ids follow commits).</param>
public sealed class AlertProcessor(IDbContextFactory<TalksTrackerDbContext> contexts, TimeProvider clock, AlertSettings? settings = null)
{
    public const int EntriesPerPass = 1_000;
    private const int QuoteShown = 300;
    private readonly RelayCache _relays = new();

    /// <summary>Runs passes until the audit trail is read to its end (or another instance holds it).</summary>
    public async Task<AlertPass> CatchUpAsync(CancellationToken ct = default)
    {
        var total = new AlertPass(0, 0, 0, 0);
        while (true)
        {
            var pass = await PassAsync(ct);
            total = new AlertPass(total.Entries + pass.Entries, total.NewAlerts + pass.NewAlerts, total.RelaysFolded + pass.RelaysFolded,
                total.Notifications + pass.Notifications, pass.Contended);
            if (pass.Entries < EntriesPerPass || pass.Contended)
            {
                return total;
            }
        }
    }

    public async Task<AlertPass> PassAsync(CancellationToken ct = default)
    {
        try
        {
            return await PassOnceAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException && !ct.IsCancellationRequested)
        {
            // Another instance made the same alerts, moved the cursor or holds the write lock first: ours roll back and
            // its pass stands (a unique key on alerts and notifications, and the cursor's version, see to it).
            return new AlertPass(0, 0, 0, 0, Contended: true);
        }
    }

    private async Task<AlertPass> PassOnceAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var cursor = await db.AlertCursors.FindAsync([AlertCursor.TheOne], ct);
        if (cursor is null)
        {
            // Alerts tell what is new since alerting began: a database's history (a seed, an import) is not news.
            db.AlertCursors.Add(new AlertCursor { Id = AlertCursor.TheOne, Position = await db.AuditEntries.MaxAsync(e => (long?)e.Id, ct) ?? 0, PassedAt = now });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new AlertPass(0, 0, 0, 0);
        }

        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Id > cursor.Position).OrderBy(e => e.Id).Take(EntriesPerPass).ToListAsync(ct);
        if (db.Database.IsNpgsql() && settings?.SettleTime is { } settle && settle > TimeSpan.Zero)
        {
            // PostgreSQL hands out ids before commit: a transaction still open may yet commit an entry below these.
            // Read only up to the first entry younger than the settle time, so such an entry is not passed over.
            var settled = now - settle;
            var young = entries.FindIndex(e => e.At > settled);
            if (young >= 0)
            {
                entries.RemoveRange(young, entries.Count - young);
            }
        }

        if (entries.Count == 0)
        {
            return new AlertPass(0, 0, 0, 0);
        }

        var news = await NewsAsync(db, entries, ct);
        var alerts = new List<(Alert Alert, FollowTargets Targets)>();
        var folded = 0;
        foreach (var decision in news.Plan.Claims)
        {
            if (decision.Fires)
            {
                var claim = news.Claims[decision.ClaimIds[0]];
                var alert = new Alert
                {
                    Kind = decision.Key.Kind,
                    Subject = decision.Key.Subject,
                    Origin = decision.Key.Origin,
                    Title = $"{(decision.Key.Kind == AlertKind.Denial ? "Denial" : "New origin")} on {news.Names.GetValueOrDefault(decision.Key.Subject, decision.Key.Subject)}",
                    Summary = $"{claim.Speaker}: “{Cut(claim.Quote)}” ({claim.ReportTitle})",
                    Relays = decision.Relays,
                    ClaimId = claim.Id,
                    AuditEntryId = claim.AuditEntryId,
                    At = now,
                    UpdatedAt = now,
                };
                alerts.Add((alert, news.TargetsOf(decision.Key.Subject, decision.ClaimIds)));
            }
            else
            {
                folded += decision.Relays;
                await db.Alerts.Where(a => a.Subject == decision.Key.Subject && a.Kind == decision.Key.Kind && a.Origin == decision.Key.Origin)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.Relays, a => a.Relays + decision.Relays).SetProperty(a => a.UpdatedAt, now), ct);
            }
        }

        foreach (var change in news.Changes)
        {
            alerts.Add((new Alert
            {
                Kind = change.Change.Kind,
                Subject = change.Change.Subject,
                Origin = $"audit:{change.AuditEntryId}",
                Title = $"{Describe(change.Change.Kind)} on {news.Names.GetValueOrDefault(change.Change.Subject, change.Change.Subject)}",
                Summary = change.Change.What,
                AuditEntryId = change.AuditEntryId,
                At = now,
                UpdatedAt = now,
            }, news.TargetsOf(change.Change.Subject, [])));
        }

        foreach (var (alert, _) in alerts)
        {
            alert.Title = Fit(alert.Title, FieldLimits.AlertTitle);
            alert.Summary = Fit(alert.Summary, FieldLimits.AlertSummary);
        }

        db.Alerts.AddRange(alerts.Select(a => a.Alert));
        await db.SaveChangesAsync(ct);
        var notifications = await NotifyAsync(db, alerts, now, ct);

        cursor.Position = entries[^1].Id;
        cursor.PassedAt = now;
        cursor.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new AlertPass(entries.Count, alerts.Count, folded, notifications);
    }

    private static string Describe(AlertKind kind) => kind switch
    {
        AlertKind.StatusChange => "Status change",
        AlertKind.PositionChange => "Position change",
        AlertKind.GradeChange => "Grade change",
        AlertKind.Contradiction => "Contradiction",
        _ => kind.ToString(),
    };

    private static string Fit(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    private static string Cut(string quote) => quote.Length <= QuoteShown ? quote : quote[..QuoteShown] + "…";

    /// <summary>The followers of each alert who may read it, one notification each (and a delivery per webhook of theirs).</summary>
    private static async Task<int> NotifyAsync(TalksTrackerDbContext db, List<(Alert Alert, FollowTargets Targets)> alerts, DateTime now, CancellationToken ct)
    {
        if (alerts.Count == 0)
        {
            return 0;
        }

        var follows = await db.Follows.AsNoTracking().Select(f => new { f.UserId, f.Kind, f.SubjectId, f.Query }).ToListAsync(ct);
        var readers = await AlertReaders.AmongAsync(db, follows.Select(f => f.UserId).Distinct().ToList(), now, ct);
        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(w => w.RemovedAt == null).Select(w => new { w.Id, w.UserId }).ToListAsync(ct);
        var made = new List<Notification>();
        foreach (var (alert, targets) in alerts)
        {
            var users = follows
                .Where(f => readers.Contains(f.UserId)
                            && (f.Kind == FollowKind.SavedSearch ? targets.Searchable.Any(c => SavedSearch.Matches(f.Query, c)) : targets.Subjects.Contains((f.Kind, f.SubjectId ?? 0))))
                .Select(f => f.UserId)
                .Distinct();
            made.AddRange(users.Select(user => new Notification { UserId = user, AlertId = alert.Id, CreatedAt = now }));
        }

        db.Notifications.AddRange(made);
        await db.SaveChangesAsync(ct);
        db.WebhookDeliveries.AddRange(made.SelectMany(n => endpoints.Where(e => e.UserId == n.UserId)
            .Select(e => new WebhookDelivery { EndpointId = e.Id, NotificationId = n.Id, NextAttemptAt = now })));
        return made.Count;
    }

    private sealed record ClaimNews(int Id, long AuditEntryId, string Quote, string Speaker, string ReportTitle, Stance Stance, SearchableClaim Searchable,
        IReadOnlyList<string> Subjects, IReadOnlySet<(FollowKind, int)> Follows);

    /// <summary>The follows an alert reaches: records (a meeting's track too), and the claims saved searches are tested on.</summary>
    private sealed record FollowTargets(IReadOnlySet<(FollowKind Kind, int Id)> Subjects, IReadOnlyList<SearchableClaim> Searchable);

    private sealed record ChangeNews(SubjectChange Change, long AuditEntryId);

    private sealed class News
    {
        public required AlertPlan Plan { get; init; }
        public required Dictionary<int, ClaimNews> Claims { get; init; }
        public required List<ChangeNews> Changes { get; init; }
        public required Dictionary<string, string> Names { get; init; }
        public required Dictionary<string, int> TrackOf { get; init; }

        public FollowTargets TargetsOf(string subject, IReadOnlyList<int> claimIds)
        {
            var targets = claimIds.SelectMany(id => Claims[id].Follows).ToHashSet();
            if (AlertSubject.Parse(subject) is var (kind, id))
            {
                targets.Add((KindOf(kind), id));
            }

            if (TrackOf.TryGetValue(subject, out var track))
            {
                targets.Add((FollowKind.Track, track));
            }

            return new FollowTargets(targets, claimIds.Select(id => Claims[id].Searchable).ToList());
        }
    }

    private static FollowKind KindOf(string subjectKind) => subjectKind switch
    {
        AlertSubject.Meeting => FollowKind.Meeting,
        AlertSubject.AgendaItem => FollowKind.AgendaItem,
        AlertSubject.Track => FollowKind.Track,
        AlertSubject.Actor => FollowKind.Actor,
        _ => FollowKind.Source,
    };

    private async Task<News> NewsAsync(TalksTrackerDbContext db, List<AuditEntry> entries, CancellationToken ct)
    {
        var changes = new List<ChangeNews>();
        var newClaims = new Dictionary<int, long>();
        var contradictions = new List<(int ClaimId, long Entry)>();
        foreach (var entry in entries)
        {
            var id = int.TryParse(entry.EntityId, out var parsed) ? parsed : 0;
            switch (entry.EntityType, entry.Action)
            {
                case (nameof(Claim), AuditAction.Created):
                    newClaims[id] = entry.Id;
                    break;
                case (nameof(Meeting), AuditAction.Updated) when Changed(entry, nameof(Meeting.Status)) is { } status:
                    changes.Add(new(new SubjectChange(AlertSubject.Of(AlertSubject.Meeting, id), AlertKind.StatusChange, $"Status {status.Before} → {status.After}"), entry.Id));
                    break;
                case (nameof(AgendaStatusChange), AuditAction.Created) when After(entry, nameof(AgendaStatusChange.AgendaItemId)) is { } item:
                    changes.Add(new(new SubjectChange(AlertSubject.Of(AlertSubject.AgendaItem, int.Parse(item)), AlertKind.StatusChange,
                        $"Status now {After(entry, nameof(AgendaStatusChange.Status))}"), entry.Id));
                    break;
                case (nameof(Position), AuditAction.Created or AuditAction.Updated) when After(entry, nameof(Position.AgendaItemId)) is { } item
                                                                                        || entry.Action == AuditAction.Updated:
                    var agendaItem = After(entry, nameof(Position.AgendaItemId)) ?? (await db.Positions.AsNoTracking().Where(p => p.Id == id).Select(p => (int?)p.AgendaItemId).FirstOrDefaultAsync(ct))?.ToString();
                    if (agendaItem is not null && (entry.Action == AuditAction.Created || Changed(entry, nameof(Position.Kind)) is not null))
                    {
                        changes.Add(new(new SubjectChange(AlertSubject.Of(AlertSubject.AgendaItem, int.Parse(agendaItem)), AlertKind.PositionChange,
                            $"Position now {After(entry, nameof(Position.Kind))}: {After(entry, nameof(Position.Wording))}"), entry.Id));
                    }

                    break;
                case (nameof(Source), AuditAction.Updated) when Changed(entry, nameof(Source.Reliability)) is { } grade:
                    changes.Add(new(new SubjectChange(AlertSubject.Of(AlertSubject.Source, id), AlertKind.GradeChange,
                        $"Reliability {Grade(grade.Before)} → {Grade(grade.After)}"), entry.Id));
                    break;
                case (nameof(ClaimLink), AuditAction.Created or AuditAction.Updated)
                    when After(entry, nameof(ClaimLink.Kind)) == nameof(ClaimLinkKind.Contradicts) && After(entry, nameof(ClaimLink.Review)) == nameof(LinkReview.Confirmed):
                    contradictions.Add((int.Parse(After(entry, nameof(ClaimLink.ClaimId)) ?? "0"), entry.Id));
                    break;
            }
        }

        var claimIds = newClaims.Keys.Concat(contradictions.Select(c => c.ClaimId)).Distinct().ToList();
        var claims = await db.Claims.AsNoTracking()
            .Where(c => EF.Parameter(claimIds).Contains(c.Id) && c.Report!.WithdrawnAt == null)
            .Select(c => new
            {
                c.Id, c.ReportId, c.SourceId, c.ViaSourceId, c.Report!.Outlet, ReportTitle = c.Report.Title, c.Quote, c.Stance,
                SourceName = c.Source == null ? null : c.Source.Name,
                Meetings = c.Meetings.Select(m => new { m.MeetingId, m.Meeting!.TrackId, m.Meeting.Title }).ToList(),
                Agenda = c.AgendaItems.Select(a => new { a.AgendaItemId, a.AgendaItem!.TrackId, a.AgendaItem.Title }).ToList(),
                Actors = c.Actors.Select(a => a.ActorId).ToList(),
            })
            .ToListAsync(ct);
        var names = new Dictionary<string, string>();
        var trackOf = new Dictionary<string, int>();
        var views = new Dictionary<int, ClaimNews>();
        foreach (var c in claims)
        {
            var subjects = c.Meetings.Select(m => AlertSubject.Of(AlertSubject.Meeting, m.MeetingId))
                .Concat(c.Agenda.Select(a => AlertSubject.Of(AlertSubject.AgendaItem, a.AgendaItemId))).ToList();
            c.Meetings.ForEach(m => (names[AlertSubject.Of(AlertSubject.Meeting, m.MeetingId)], trackOf[AlertSubject.Of(AlertSubject.Meeting, m.MeetingId)]) = (m.Title, m.TrackId));
            c.Agenda.ForEach(a => (names[AlertSubject.Of(AlertSubject.AgendaItem, a.AgendaItemId)], trackOf[AlertSubject.Of(AlertSubject.AgendaItem, a.AgendaItemId)]) = (a.Title, a.TrackId));
            if (subjects.Count == 0)
            {
                subjects = c.Actors.Select(a => AlertSubject.Of(AlertSubject.Actor, a)).ToList();
            }

            var sources = new[] { c.SourceId, c.ViaSourceId }.OfType<int>().ToHashSet();
            var tracks = c.Meetings.Select(m => m.TrackId).Concat(c.Agenda.Select(a => a.TrackId)).ToHashSet();
            var follows = c.Actors.Select(a => (FollowKind.Actor, a)).Concat(sources.Select(s => (FollowKind.Source, s))).Concat(tracks.Select(t => (FollowKind.Track, t))).ToHashSet();
            views[c.Id] = new ClaimNews(c.Id, newClaims.GetValueOrDefault(c.Id), c.Quote, c.SourceName ?? $"{c.Outlet ?? "The outlet"} (own voice)", c.ReportTitle, c.Stance,
                new SearchableClaim($"{c.Quote} {c.ReportTitle}", c.Stance, tracks, c.Actors.ToHashSet(), sources), subjects, follows);
        }

        foreach (var (claimId, entry) in contradictions.Where(c => views.ContainsKey(c.ClaimId)))
        {
            changes.AddRange(views[claimId].Subjects.Select(subject =>
                new ChangeNews(new SubjectChange(subject, AlertKind.Contradiction, $"Confirmed as contradicted: “{Cut(views[claimId].Quote)}” ({views[claimId].ReportTitle})"), entry)));
        }

        await NameAsync(db, changes.Select(c => c.Change.Subject).Where(s => !names.ContainsKey(s)).ToList(), names, trackOf, ct);

        var fresh = claims.Where(c => newClaims.ContainsKey(c.Id)).ToList();
        var reportIds = fresh.Select(c => c.ReportId).Distinct().ToList();
        var reportClaims = await db.Claims.AsNoTracking().Where(c => EF.Parameter(reportIds).Contains(c.ReportId))
            .Select(c => new ClaimOriginFacts(c.Id, c.ReportId, c.SourceId, c.ViaSourceId, c.Report!.Outlet)).ToListAsync(ct);
        var relays = await _relays.GetAsync(db, ct);
        var affiliations = await db.Sources.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.AffiliationActorId, ct);
        var dependent = _relays.DependentSources(relays, affiliations);

        var subjectsTouched = fresh.SelectMany(c => views[c.Id].Subjects).Distinct().ToList();
        var known = (await db.Alerts.AsNoTracking().Where(a => EF.Parameter(subjectsTouched).Contains(a.Subject) && (a.Kind == AlertKind.NewOrigin || a.Kind == AlertKind.Denial))
                .Select(a => new { a.Subject, a.Kind, a.Origin }).ToListAsync(ct))
            .Select(a => new AlertKey(a.Subject, a.Kind, a.Origin)).ToHashSet();
        var plan = AlertFolding.Plan(
            fresh.Select(c => new NewClaim(new ClaimOriginFacts(c.Id, c.ReportId, c.SourceId, c.ViaSourceId, c.Outlet), c.Stance, views[c.Id].Subjects)).ToList(),
            reportClaims, dependent, changes.Select(c => c.Change).ToList(), known.Contains);
        return new News { Plan = plan, Claims = views, Changes = changes, Names = names, TrackOf = trackOf };
    }

    /// <summary>The names of changed records, and the tracks of meetings and agenda items, for titles and track followers.</summary>
    private static async Task NameAsync(TalksTrackerDbContext db, List<string> subjects, Dictionary<string, string> names, Dictionary<string, int> trackOf, CancellationToken ct)
    {
        List<int> Ids(string kind) => subjects.Select(AlertSubject.Parse).Where(s => s?.Kind == kind).Select(s => s!.Value.Id).ToList();
        var meetingIds = Ids(AlertSubject.Meeting);
        var agendaIds = Ids(AlertSubject.AgendaItem);
        var sourceIds = Ids(AlertSubject.Source);
        foreach (var m in await db.Meetings.AsNoTracking().Where(m => EF.Parameter(meetingIds).Contains(m.Id)).Select(m => new { m.Id, m.Title, m.TrackId }).ToListAsync(ct))
        {
            (names[AlertSubject.Of(AlertSubject.Meeting, m.Id)], trackOf[AlertSubject.Of(AlertSubject.Meeting, m.Id)]) = (m.Title, m.TrackId);
        }

        foreach (var a in await db.AgendaItems.AsNoTracking().Where(a => EF.Parameter(agendaIds).Contains(a.Id)).Select(a => new { a.Id, a.Title, a.TrackId }).ToListAsync(ct))
        {
            (names[AlertSubject.Of(AlertSubject.AgendaItem, a.Id)], trackOf[AlertSubject.Of(AlertSubject.AgendaItem, a.Id)]) = (a.Title, a.TrackId);
        }

        foreach (var s in await db.Sources.AsNoTracking().Where(s => EF.Parameter(sourceIds).Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToListAsync(ct))
        {
            names[AlertSubject.Of(AlertSubject.Source, s.Id)] = s.Name;
        }
    }

    private static string Grade(string? value) => int.TryParse(value, out var number) && Enum.IsDefined((Reliability)number) ? ((Reliability)number).ToString() : value ?? "?";

    private static (string? Before, string? After)? Changed(AuditEntry entry, string property) =>
        Read(entry, property) is { } change && change.Before != change.After ? change : null;

    private static string? After(AuditEntry entry, string property) => Read(entry, property)?.After;

    private static (string? Before, string? After)? Read(AuditEntry entry, string property)
    {
        using var changes = JsonDocument.Parse(entry.Changes);
        if (!changes.RootElement.TryGetProperty(property, out var value))
        {
            return null;
        }

        return (Text(value, "before"), Text(value, "after"));

        static string? Text(JsonElement value, string name) =>
            value.TryGetProperty(name, out var found) && found.ValueKind != JsonValueKind.Null
                ? found.ValueKind == JsonValueKind.String ? found.GetString() : found.GetRawText()
                : null;
    }
}
