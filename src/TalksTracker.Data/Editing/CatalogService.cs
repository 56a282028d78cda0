using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Persistence;
using TalksTracker.Data.Common;
using TalksTracker.Data.Time;
using TalksTracker.Domain;
using TalksTracker.Domain.Catalog;

namespace TalksTracker.Data.Editing;

/// <summary>
/// Editors add the records claims are linked to — sources, meetings, venues, actors and agenda items —
/// from the review page or the API. Each is checked field by field, refused when the catalog already
/// has its name (the existing record is offered instead), and saved at once on its own, audited like
/// every save: it stays in the catalog whether or not the review it was made from is completed.
/// </summary>
public sealed class CatalogService(IDbContextFactory<TalksTrackerDbContext> contextFactory, TimeProvider clock)
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public async Task<Outcome<int>> CreateSourceAsync(NewSource request, CancellationToken ct = default)
    {
        var name = request.Name?.Trim();
        var problems = new ProblemList();
        CheckSource(problems, name, request.Kind, request.Description);
        if (!Enum.IsDefined(request.Reliability))
        {
            problems.Add(nameof(NewSource.Reliability), "Reliability is graded A to F.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await CheckSourceNameFreeAsync(db, name, null, problems, ct);
        await RecordChecks.CheckExistsAsync(db.Actors, request.AffiliationActorId is { } a ? [a] : Array.Empty<int>(), nameof(NewSource.AffiliationActorId), "actor", problems, ct);
        if (problems.Any)
        {
            return Outcome<int>.Failure(problems.ToDictionary());
        }

        var source = db.Sources.Add(new Source
        {
            Name = name!,
            Kind = request.Kind,
            Reliability = request.Reliability,
            AffiliationActorId = request.AffiliationActorId,
            Description = request.Description?.Trim(),
        }).Entity;
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Success(source.Id);
    }

    /// <summary>A source's own fields (a new one's or a corrected one's): its name as reports give it, its kind, its description.</summary>
    internal static void CheckSource(ProblemList problems, string? name, SourceKind kind, string? description)
    {
        if (string.IsNullOrEmpty(name))
        {
            problems.Add(nameof(NewSource.Name), "A source needs a name, as reports name it (\"a senior Israeli security source\").");
        }
        else if (name.Length > FieldLimits.SourceName)
        {
            problems.Add(nameof(NewSource.Name), $"The name is longer than {FieldLimits.SourceName} characters.");
        }

        CheckDefined(problems, nameof(NewSource.Kind), kind, "Choose what kind of source this is.");
        Check(problems, nameof(NewSource.Description), TooLong(description, FieldLimits.SourceDescription));
    }

    /// <summary>Refuses a source name another source (other than <paramref name="except"/>) has.</summary>
    internal static async Task CheckSourceNameFreeAsync(TalksTrackerDbContext db, string? name, int? except, ProblemList problems, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(name) && await db.Sources.AnyAsync(s => s.Name == name && s.Id != except, ct))
        {
            problems.Add(nameof(NewSource.Name), $"A source named “{name}” already exists: pick it instead.");
        }
    }

    public async Task<CatalogOutcome> CreateVenueAsync(NewVenue request, CancellationToken ct = default)
    {
        var name = CatalogName.Clean(request.Name);
        var problems = new ProblemList();
        CheckVenue(problems, request.Name, request.Latitude, request.Longitude);
        string? country = null;
        return await CreateAsync(problems, async db =>
        {
            country = await CountryAsync(db, request.CountryActorId, problems, ct);
            return name is null ? null : await VenueMatchAsync(db, name, null, ct);
        }, () => new Venue { Name = name!, CountryActorId = request.CountryActorId, Latitude = request.Latitude, Longitude = request.Longitude },
            venue => new CatalogRecord(venue.Id, venue.Name, country), ct);
    }

    public async Task<CatalogOutcome> CreateActorAsync(NewActor request, CancellationToken ct = default)
    {
        var name = CatalogName.Clean(request.Name);
        var problems = new ProblemList();
        var aliases = CheckActor(problems, request.Name, request.Kind, request.Aliases, request.Description);
        return await CreateAsync(problems, async db =>
        {
            await RecordChecks.CheckExistsAsync(db.Actors, request.ParentActorId is { } p ? [p] : Array.Empty<int>(), nameof(NewActor.ParentActorId), "actor", problems, ct);
            return await ActorMatchAsync(db, name, aliases, null, ct);
        }, () => new Actor
        {
            Name = name!,
            Kind = request.Kind,
            ParentActorId = request.ParentActorId,
            Description = CatalogName.Clean(request.Description),
            Aliases = aliases.Select(a => new ActorAlias { Alias = a }).ToList(),
        }, actor => new CatalogRecord(actor.Id, actor.Name, actor.Kind.ToString()), ct);
    }

    public async Task<CatalogOutcome> CreateAgendaItemAsync(NewAgendaItem request, CancellationToken ct = default)
    {
        var title = CatalogName.Clean(request.Title);
        var problems = new ProblemList();
        var aliases = CheckAgendaItem(problems, request.Title, request.Category, request.Aliases, request.Description);
        string? track = null;
        return await CreateAsync(problems, async db =>
        {
            track = await TrackNameAsync(db, request.TrackId, nameof(NewAgendaItem.TrackId), problems, ct);
            return title is null || track is null ? null : await AgendaItemMatchAsync(db, request.TrackId!.Value, title, null, ct);
        }, () => new AgendaItem
        {
            TrackId = request.TrackId!.Value,
            Title = title!,
            Category = request.Category,
            Description = CatalogName.Clean(request.Description),
            Aliases = aliases.Select(a => new AgendaItemAlias { Alias = a }).ToList(),
        }, item => new CatalogRecord(item.Id, item.Title, track), ct);
    }

    public async Task<CatalogOutcome> CreateMeetingAsync(NewMeeting request, CancellationToken ct = default)
    {
        var title = CatalogName.Clean(request.Title);
        var problems = new ProblemList();
        var (date, participants) = CheckMeeting(request.Title, request.Date, request.Format, request.Status, request.Participants, request.Summary, clock.Today(), problems);
        string? track = null;
        return await CreateAsync(problems, async db =>
        {
            track = await CheckMeetingLinksAsync(db, request.TrackId, request.VenueId, participants, problems, ct);
            return title is null || track is null ? null : await MeetingMatchAsync(db, request.TrackId!.Value, title, null, ct);
        }, () => new Meeting
        {
            Title = title!,
            TrackId = request.TrackId!.Value,
            VenueId = request.VenueId,
            Date = date!.Value,
            Format = request.Format,
            Status = request.Status,
            IsSeries = request.IsSeries,
            Summary = CatalogName.Clean(request.Summary),
            Participants = participants.Select(p => new MeetingParticipant { ActorId = p.ActorId, Role = p.Role, Level = CatalogName.Clean(p.Level) }).ToList(),
        }, meeting => new CatalogRecord(meeting.Id, meeting.Title, track), ct);
    }

    public async Task<CatalogOutcome> CreateTrackAsync(NewTrack request, CancellationToken ct = default)
    {
        var name = CatalogName.Clean(request.Name);
        var problems = new ProblemList();
        var parties = TrackParties.Check(request.Name, request.Description, request.Parties, problems);
        return await CreateAsync(problems, async db =>
        {
            await TrackParties.CheckActorsAsync(db, parties, problems, ct);
            return name is null ? null : await TrackMatchAsync(db, name, null, ct);
        }, () => new Track
        {
            Name = name!,
            Description = CatalogName.Clean(request.Description),
            IsOfficial = request.IsOfficial,
            Participants = parties.Select(TrackParties.ToParticipant).ToList(),
        }, track => new CatalogRecord(track.Id, track.Name, track.IsOfficial ? "official" : "unofficial"), ct);
    }

    /// <summary>
    /// The checks of a meeting's own fields, whether it is created or corrected: the date parsed, and the participants
    /// sent without empty entries.
    /// </summary>
    internal static (FuzzyDate? Date, List<NewParticipant> Participants) CheckMeeting(string? title, MeetingDateInput? dateInput, MeetingFormat format,
        MeetingStatus status, IReadOnlyList<NewParticipant>? given, string? summary, DateOnly today, ProblemList problems)
    {
        Check(problems, nameof(NewMeeting.Title), CatalogName.ProblemWith(title, FieldLimits.MeetingTitle, "A meeting needs a title, as in “Closed-door security meetings in Baku”."));
        var (date, dateProblems) = (dateInput ?? MeetingDateInput.Unknown).Parse(today);
        foreach (var (field, message) in dateProblems)
        {
            problems.Add($"{nameof(NewMeeting.Date)}.{field}", message);
        }

        CheckDefined(problems, nameof(NewMeeting.Format), format, "Choose the format: direct, indirect, shuttle or unknown.");
        CheckDefined(problems, nameof(NewMeeting.Status), status, "Choose whether the meeting is reported, confirmed, denied, planned, postponed or cancelled.");

        // A JSON body can hold null where a participant belongs: refused by name, not a 500.
        var participants = (given ?? []).OfType<NewParticipant>().ToList();
        if (given is not null && given.Count != participants.Count)
        {
            problems.Add(nameof(NewMeeting.Participants), "Each participant needs an actor: an empty entry (null) was sent.");
        }

        if (participants.GroupBy(p => p.ActorId).Any(g => g.Count() > 1))
        {
            problems.Add(nameof(NewMeeting.Participants), "Each actor attends once: name the level for all its people together.");
        }

        if (participants.Any(p => !Enum.IsDefined(p.Role)))
        {
            problems.Add(nameof(NewMeeting.Participants), "A participant's role is party, mediator, host, observer or guarantor.");
        }

        if (participants.Select(p => TooLong(p.Level, FieldLimits.MeetingParticipantLevel)).OfType<string>().FirstOrDefault() is { } levelProblem)
        {
            problems.Add(nameof(NewMeeting.Participants), $"A participant's level: {levelProblem}");
        }

        Check(problems, nameof(NewMeeting.Summary), TooLong(summary, FieldLimits.MeetingSummary));
        return (date, participants);
    }

    /// <summary>
    /// The checks of the records a meeting refers to; the track's name, or null when it is missing or archived (a meeting
    /// already on an archived track, <paramref name="currentTrackId"/>, may stay there).
    /// </summary>
    internal static async Task<string?> CheckMeetingLinksAsync(TalksTrackerDbContext db, int? trackId, int? venueId, IReadOnlyList<NewParticipant> participants,
        ProblemList problems, CancellationToken ct, int? currentTrackId = null)
    {
        var track = await TrackNameAsync(db, trackId, nameof(NewMeeting.TrackId), problems, ct);
        if (track is not null && trackId != currentTrackId && await db.Tracks.AnyAsync(t => t.Id == trackId && t.ArchivedAt != null, ct))
        {
            problems.Add(nameof(NewMeeting.TrackId), $"The track “{track}” is archived: restore it first, or choose a current track.");
            track = null;
        }

        await RecordChecks.CheckExistsAsync(db.Venues, venueId is { } v ? [v] : Array.Empty<int>(), nameof(NewMeeting.VenueId), "venue", problems, ct);
        await RecordChecks.CheckExistsAsync(db.Actors, participants.Select(p => p.ActorId), nameof(NewMeeting.Participants), "actor", problems, ct);
        return track;
    }

    /// <summary>The venue a new one named <paramref name="name"/> would duplicate, if any: for telling the editor while they type.</summary>
    public async Task<CatalogMatch?> FindVenueAsync(string? name, CancellationToken ct = default)
    {
        var clean = CatalogName.Clean(name);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return clean is null ? null : await VenueMatchAsync(db, clean, null, ct);
    }

    /// <summary>The actor that already has the name or one of the aliases of a new one, if any.</summary>
    public async Task<CatalogMatch?> FindActorAsync(string? name, IReadOnlyList<string>? aliases, CancellationToken ct = default)
    {
        var clean = CatalogName.Clean(name);
        var wanted = Aliases(clean, aliases, FieldLimits.ActorAliasAlias, new ProblemList());
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return clean is null && wanted.Count == 0 ? null : await ActorMatchAsync(db, clean, wanted, null, ct);
    }

    /// <summary>The agenda item of the track with this title, if any.</summary>
    public async Task<CatalogMatch?> FindAgendaItemAsync(int? trackId, string? title, CancellationToken ct = default)
    {
        var clean = CatalogName.Clean(title);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return clean is null || trackId is not { } track ? null : await AgendaItemMatchAsync(db, track, clean, null, ct);
    }

    /// <summary>The meeting of the track with this title, if any.</summary>
    public async Task<CatalogMatch?> FindMeetingAsync(int? trackId, string? title, CancellationToken ct = default)
    {
        var clean = CatalogName.Clean(title);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return clean is null || trackId is not { } track ? null : await MeetingMatchAsync(db, track, clean, null, ct);
    }

    /// <summary>
    /// One creation: checks that need the database (duplicates, referenced records) and the insert run
    /// in one write transaction, so two editors creating the same name at once get one record, and the
    /// second an offer to use it. Nothing is written when any field has a problem.
    /// </summary>
    private async Task<CatalogOutcome> CreateAsync<TRecord>(ProblemList problems,
        Func<TalksTrackerDbContext, Task<CatalogMatch?>> checkAsync,
        Func<TRecord> build,
        Func<TRecord, CatalogRecord> describe,
        CancellationToken ct)
        where TRecord : class
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await using var transaction = await WriteGate.BeginAsync(db, WriteLock.Names, ct);

        var duplicate = await checkAsync(db);
        if (duplicate is not null)
        {
            problems.Add(duplicate.Field, duplicate.Message);
        }

        if (problems.Any)
        {
            return new CatalogOutcome(null, problems.ToDictionary(), duplicate);
        }

        var record = build();
        db.Add(record);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new CatalogOutcome(describe(record), NoErrors);
    }

    /// <summary>The venue (other than <paramref name="except"/>) with the name, if any.</summary>
    internal static Task<CatalogMatch?> VenueMatchAsync(TalksTrackerDbContext db, string name, int? except, CancellationToken ct) =>
        FirstSameAsync(db.Venues.Where(v => v.Id != except).OrderBy(v => v.Id).Select(v => new CatalogRecord(v.Id, v.Name, v.Country == null ? null : v.Country.Name)),
            name, nameof(NewVenue.Name), v => $"There is already a venue “{v.Name}”{(v.Detail is null ? "" : $" in {v.Detail}")}: use it instead.", ct);

    /// <summary>The agenda item of the track (other than <paramref name="except"/>) with the title, if any.</summary>
    internal static Task<CatalogMatch?> AgendaItemMatchAsync(TalksTrackerDbContext db, int trackId, string title, int? except, CancellationToken ct) =>
        FirstSameAsync(db.AgendaItems.Where(a => a.TrackId == trackId && a.Id != except).OrderBy(a => a.Id).Select(a => new CatalogRecord(a.Id, a.Title, a.Track!.Name)),
            title, nameof(NewAgendaItem.Title), a => $"The track already has the agenda item “{a.Name}”: use it instead.", ct);

    /// <summary>The meeting of the track with the title, other than <paramref name="exceptId"/> (the one being corrected).</summary>
    internal static Task<CatalogMatch?> MeetingMatchAsync(TalksTrackerDbContext db, int trackId, string title, int? exceptId, CancellationToken ct) =>
        FirstSameAsync(db.Meetings.Where(m => m.TrackId == trackId && m.Id != exceptId).OrderBy(m => m.Id).Select(m => new CatalogRecord(m.Id, m.Title, m.Track!.Name)),
            title, nameof(NewMeeting.Title), m => $"The track already has a meeting “{m.Name}”: use it instead.", ct);

    /// <summary>The track with the name, other than <paramref name="exceptId"/> (the one being corrected); archived tracks keep their names.</summary>
    internal static Task<CatalogMatch?> TrackMatchAsync(TalksTrackerDbContext db, string name, int? exceptId, CancellationToken ct) =>
        FirstSameAsync(db.Tracks.Where(t => t.Id != exceptId).OrderBy(t => t.Id).Select(t => new CatalogRecord(t.Id, t.Name, t.ArchivedAt == null ? null : "archived")),
            name, nameof(NewTrack.Name), t => $"There is already a track “{t.Name}”{(t.Detail is null ? "" : " (archived)")}: use it instead.", ct);

    /// <summary>The first candidate with the same name (see <see cref="CatalogName.Same"/>), compared here rather than in SQL so both providers agree.</summary>
    private static async Task<CatalogMatch?> FirstSameAsync(IQueryable<CatalogRecord> candidates, string name, string field, Func<CatalogRecord, string> message, CancellationToken ct)
    {
        var records = await candidates.AsNoTracking().ToListAsync(ct);
        return records.FirstOrDefault(r => CatalogName.Same(r.Name, name)) is { } record ? new CatalogMatch(record, field, message(record)) : null;
    }

    /// <summary>The first actor (other than <paramref name="except"/>) whose name or alias is the new name or one of the new aliases ("Moscow" → Russia).</summary>
    internal static async Task<CatalogMatch?> ActorMatchAsync(TalksTrackerDbContext db, string? name, IReadOnlyList<string> aliases, int? except, CancellationToken ct)
    {
        var actors = await db.Actors.AsNoTracking().Where(a => a.Id != except).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Name, a.Kind, Aliases = a.Aliases.Select(x => x.Alias).ToList() }).ToListAsync(ct);
        var wanted = (name is null ? [] : new[] { (Name: name, Field: nameof(NewActor.Name)) })
            .Concat(aliases.Select(a => (Name: a, Field: nameof(NewActor.Aliases))));
        foreach (var (newName, field) in wanted)
        {
            foreach (var actor in actors)
            {
                if (actor.Aliases.Prepend(actor.Name).FirstOrDefault(n => CatalogName.Same(n, newName)) is not { } known)
                {
                    continue;
                }

                var record = new CatalogRecord(actor.Id, actor.Name, actor.Kind.ToString());
                return new CatalogMatch(record, field, known == actor.Name
                    ? $"There is already an actor “{actor.Name}”: use {actor.Name} instead."
                    : $"“{newName}” is already a name of {actor.Name} (alias “{known}”): use {actor.Name} instead.");
            }
        }

        return null;
    }

    internal static async Task<string?> TrackNameAsync(TalksTrackerDbContext db, int? trackId, string field, ProblemList problems, CancellationToken ct)
    {
        if (trackId is not { } id)
        {
            problems.Add(field, "Choose the track.");
            return null;
        }

        var name = await db.Tracks.Where(t => t.Id == id).Select(t => t.Name).SingleOrDefaultAsync(ct);
        if (name is null)
        {
            problems.Add(field, $"There is no track {id}.");
        }

        return name;
    }

    /// <summary>The aliases cleaned, each once, without the name itself; problems under "Aliases".</summary>
    private const int MaxAliases = 50;

    private static List<string> Aliases(string? name, IReadOnlyList<string>? given, int maxLength, ProblemList problems)
    {
        var aliases = new List<string>();
        // Counted before any work: thousands of aliases in one body are refused at once, not compared pairwise.
        if (given is { Count: > MaxAliases * 4 })
        {
            problems.Add(nameof(NewActor.Aliases), $"At most {MaxAliases} aliases ({given.Count} given).");
            return aliases;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal) { CatalogName.Key(name) };
        foreach (var alias in (given ?? []).Select(CatalogName.Clean).OfType<string>())
        {
            if (CatalogName.ProblemWith(alias, maxLength, "") is { } problem)
            {
                problems.Add(nameof(NewActor.Aliases), $"“{alias[..Math.Min(alias.Length, 40)]}”: {problem}");
            }
            else if (keys.Add(CatalogName.Key(alias)))
            {
                aliases.Add(alias);
            }
        }

        if (aliases.Count > MaxAliases)
        {
            problems.Add(nameof(NewActor.Aliases), $"At most {MaxAliases} aliases ({aliases.Count} given).");
        }

        return aliases;
    }

    /// <summary>An actor's own fields (a new one's or a corrected one's); the aliases cleaned, each once, without the name.</summary>
    internal static List<string> CheckActor(ProblemList problems, string? name, ActorKind kind, IReadOnlyList<string>? aliases, string? description)
    {
        Check(problems, nameof(NewActor.Name), CatalogName.ProblemWith(name, FieldLimits.ActorName, "An actor needs a name: the state, body, group, organisation, outlet or person."));
        CheckDefined(problems, nameof(NewActor.Kind), kind, "Choose what kind of actor this is.");
        var cleaned = Aliases(CatalogName.Clean(name), aliases, FieldLimits.ActorAliasAlias, problems);
        Check(problems, nameof(NewActor.Description), TooLong(description, FieldLimits.ActorDescription));
        return cleaned;
    }

    /// <summary>An agenda item's own fields (a new one's or a corrected one's); the aliases cleaned, each once, without the title.</summary>
    internal static List<string> CheckAgendaItem(ProblemList problems, string? title, AgendaCategory category, IReadOnlyList<string>? aliases, string? description)
    {
        Check(problems, nameof(NewAgendaItem.Title), CatalogName.ProblemWith(title, FieldLimits.AgendaItemTitle, "An agenda item needs a title: the topic, as in “Long-term guarantees”."));
        CheckDefined(problems, nameof(NewAgendaItem.Category), category, "Choose the agenda item's category.");
        var cleaned = Aliases(CatalogName.Clean(title), aliases, FieldLimits.AgendaItemAliasAlias, problems);
        Check(problems, nameof(NewAgendaItem.Description), TooLong(description, FieldLimits.AgendaItemDescription));
        return cleaned;
    }

    /// <summary>A venue's own fields (a new one's or a corrected one's): its name and coordinates, both or neither.</summary>
    internal static void CheckVenue(ProblemList problems, string? name, double? latitude, double? longitude)
    {
        Check(problems, nameof(NewVenue.Name), CatalogName.ProblemWith(name, FieldLimits.VenueName, "A venue needs a name: the city or place, as in “Baku”."));
        if (latitude is { } lat && lat is not (>= -90 and <= 90))
        {
            problems.Add(nameof(NewVenue.Latitude), "Latitude lies between -90 and 90.");
        }

        if (longitude is { } lon && lon is not (>= -180 and <= 180))
        {
            problems.Add(nameof(NewVenue.Longitude), "Longitude lies between -180 and 180.");
        }

        if (latitude is null != longitude is null)
        {
            problems.Add(latitude is null ? nameof(NewVenue.Latitude) : nameof(NewVenue.Longitude), "Give both coordinates, or neither.");
        }
    }

    /// <summary>The name of a venue's country, which must be an actor of kind State; null with a problem otherwise.</summary>
    internal static async Task<string?> CountryAsync(TalksTrackerDbContext db, int? countryActorId, ProblemList problems, CancellationToken ct)
    {
        if (countryActorId is not { } countryId)
        {
            problems.Add(nameof(NewVenue.CountryActorId), "Choose the country the venue is in.");
        }
        else if (await db.Actors.Where(a => a.Id == countryId).Select(a => new { a.Name, a.Kind }).SingleOrDefaultAsync(ct) is not { } found)
        {
            problems.Add(nameof(NewVenue.CountryActorId), $"There is no actor {countryId}.");
        }
        else if (found.Kind != ActorKind.State)
        {
            problems.Add(nameof(NewVenue.CountryActorId), $"{found.Name} is not a state: a venue's country is an actor of kind State.");
        }
        else
        {
            return found.Name;
        }

        return null;
    }

    internal static string? TooLong(string? text, int maxLength) =>
        CatalogName.Clean(text) is { Length: var length } && length > maxLength ? $"At most {maxLength} characters ({length} given)." : null;

    internal static void CheckDefined<TEnum>(ProblemList problems, string field, TEnum value, string message) where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            problems.Add(field, message);
        }
    }

    internal static void Check(ProblemList problems, string field, string? problem)
    {
        if (problem is not null)
        {
            problems.Add(field, problem);
        }
    }
}
