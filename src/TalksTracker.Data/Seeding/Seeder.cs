using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using TalksTracker.Domain;
using TalksTracker.Data.Positions;
using TalksTracker.Domain.Grading;
using TalksTracker.Domain.Positions;
using TalksTracker.Domain.Provenance;

namespace TalksTracker.Data.Seeding;

public sealed record SeedOutcome(string File, bool Loaded, string Message);

/// <summary>
/// Loads seed annotations (seeds/*.json, each naming its report text file) into the database.
/// A seed whose report is already present is skipped, so seeding twice changes nothing; each
/// seed file is loaded in one transaction, so a broken file leaves nothing behind.
/// </summary>
public sealed class Seeder(IDbContextFactory<TalksTrackerDbContext> contextFactory, ITextEmbedder meaning)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>The seeds folder shipped beside the program.</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "seeds");

    public async Task<IReadOnlyList<SeedOutcome>> SeedAsync(string folder, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder))
        {
            throw new SeedException($"The seeds folder '{folder}' does not exist.");
        }

        var outcomes = new List<SeedOutcome>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            outcomes.Add(await SeedFileAsync(file, cancellationToken));
        }

        return outcomes;
    }

    private async Task<SeedOutcome> SeedFileAsync(string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        SeedFile seed;
        try
        {
            await using var stream = File.OpenRead(path);
            seed = await JsonSerializer.DeserializeAsync<SeedFile>(stream, JsonOptions, cancellationToken)
                   ?? throw new SeedException($"{name} is empty.");
        }
        catch (JsonException e)
        {
            throw new SeedException($"{name} is not a valid seed file: {e.Message}");
        }

        var textPath = Path.Combine(Path.GetDirectoryName(path)!, seed.Report.File);
        if (!File.Exists(textPath))
        {
            throw new SeedException($"{name} names the report text '{seed.Report.File}', which is not beside it.");
        }

        var text = (await File.ReadAllTextAsync(textPath, cancellationToken)).ReplaceLineEndings("\n").TrimEnd('\n');
        var hash = ReportFingerprint.Of(text);

        using var seeding = Persistence.CurrentActor.As("seed");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Reports.AnyAsync(r => r.ContentHash == hash, cancellationToken))
        {
            return new SeedOutcome(name, false, "already loaded");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var builder = new SeedGraph(db, seed, name, meaning);
        await builder.BuildAsync(text, hash, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SeedOutcome(name, true, $"loaded {seed.Claims.Count} claims");
    }

    private sealed class SeedGraph(TalksTrackerDbContext db, SeedFile seed, string fileName, ITextEmbedder meaning)
    {
        private readonly Dictionary<string, Actor> _actors = [];
        private readonly Dictionary<string, Source> _sources = [];
        private readonly Dictionary<string, Venue> _venues = [];
        private readonly Dictionary<string, Track> _tracks = [];
        private readonly Dictionary<string, Meeting> _meetings = [];
        private readonly Dictionary<string, AgendaItem> _agendaItems = [];
        private readonly Dictionary<string, Claim> _claims = [];

        public async Task BuildAsync(string text, string hash, CancellationToken ct)
        {
            foreach (var a in seed.Actors)
            {
                var actor = await db.Actors.FirstOrDefaultAsync(x => x.Name == a.Name, ct)
                            ?? db.Actors.Add(new Actor
                            {
                                Name = a.Name,
                                Kind = a.Kind,
                                Description = a.Description,
                                Aliases = (a.Aliases ?? []).Distinct(StringComparer.OrdinalIgnoreCase)
                                    .Select(alias => new ActorAlias { Alias = alias }).ToList(),
                            }).Entity;
                _actors[a.Key] = actor;
            }

            foreach (var a in seed.Actors.Where(a => a.Parent is not null))
            {
                _actors[a.Key].ParentActor = Lookup(_actors, a.Parent!, "actor");
            }

            foreach (var s in seed.Sources)
            {
                var reliability = Grade.ParseReliability(s.Reliability)
                                  ?? throw new SeedException($"{fileName}: source '{s.Key}' has reliability '{s.Reliability}'; use A to F.");
                _sources[s.Key] = await db.Sources.FirstOrDefaultAsync(x => x.Name == s.Name, ct)
                                  ?? db.Sources.Add(new Source
                                  {
                                      Name = s.Name,
                                      Kind = s.Kind,
                                      Reliability = reliability,
                                      Description = s.Description,
                                      Affiliation = s.Affiliation is null ? null : Lookup(_actors, s.Affiliation, "actor"),
                                  }).Entity;
            }

            foreach (var v in seed.Venues)
            {
                _venues[v.Key] = await db.Venues.FirstOrDefaultAsync(x => x.Name == v.Name, ct)
                                 ?? db.Venues.Add(new Venue
                                 {
                                     Name = v.Name,
                                     Country = v.Country is null ? null : Lookup(_actors, v.Country, "actor"),
                                     Latitude = v.Latitude,
                                     Longitude = v.Longitude,
                                 }).Entity;
            }

            foreach (var t in seed.Tracks)
            {
                _tracks[t.Key] = await db.Tracks.FirstOrDefaultAsync(x => x.Name == t.Name, ct)
                                 ?? db.Tracks.Add(new Track
                                 {
                                     Name = t.Name,
                                     IsOfficial = t.Official,
                                     Description = t.Description,
                                     Participants = t.Participants.Select(p => new TrackParticipant
                                     {
                                         Actor = Lookup(_actors, p.Actor, "actor"),
                                         Role = p.Role,
                                         Acknowledgement = p.Acknowledgement,
                                         Note = p.Note,
                                     }).ToList(),
                                 }).Entity;
            }

            foreach (var m in seed.Meetings)
            {
                var meeting = new Meeting
                {
                    Title = m.Title,
                    Track = Lookup(_tracks, m.Track, "track"),
                    Venue = m.Venue is null ? null : Lookup(_venues, m.Venue, "venue"),
                    IsSeries = m.Series,
                    Summary = m.Summary,
                    Format = m.Format,
                    Status = m.Status,
                    Date = FuzzyDate.FromParts(m.Date.Precision, m.Date.Start, m.Date.End, m.Date.Label),
                    Participants = m.Participants.Select(p => new MeetingParticipant
                    {
                        Actor = Lookup(_actors, p.Actor, "actor"),
                        Role = p.Role,
                        Level = p.Level,
                    }).ToList(),
                };
                _meetings[m.Key] = db.Meetings.Add(meeting).Entity;
            }

            foreach (var a in seed.AgendaItems)
            {
                _agendaItems[a.Key] = db.AgendaItems.Add(new AgendaItem
                {
                    Track = Lookup(_tracks, a.Track, "track"),
                    Title = a.Title,
                    Category = a.Category,
                    Description = a.Description,
                    Aliases = (a.Aliases ?? []).Distinct(StringComparer.OrdinalIgnoreCase)
                        .Select(alias => new AgendaItemAlias { Alias = alias }).ToList(),
                }).Entity;
            }

            var report = db.Reports.Add(new Report
            {
                Title = text.Split('\n', 2)[0].Trim(),
                Outlet = seed.Report.Outlet,
                Url = seed.Report.Url,
                PublishedOn = seed.Report.PublishedOn,
                Language = seed.Report.Language ?? "en",
                Text = text,
                ContentHash = hash,
                TakenInAt = seed.Report.TakenInOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            }).Entity;

            foreach (var c in seed.Claims)
            {
                var start = text.IndexOf(c.Quote, StringComparison.Ordinal);
                if (start < 0)
                {
                    throw new SeedException($"{fileName}: the quote of claim '{c.Key}' is not in the report text.");
                }

                _claims[c.Key] = db.Claims.Add(new Claim
                {
                    Report = report,
                    Start = start,
                    End = start + c.Quote.Length,
                    Quote = c.Quote,
                    Source = c.Source is null ? null : Lookup(_sources, c.Source, "source"),
                    ViaSource = c.Via is null ? null : Lookup(_sources, c.Via, "source"),
                    Cue = c.Cue,
                    Hedge = c.Hedge,
                    Stance = c.Stance,
                    Credibility = c.Credibility is >= 1 and <= 6
                        ? c.Credibility
                        : throw new SeedException($"{fileName}: claim '{c.Key}' has credibility {c.Credibility}; use 1 to 6."),
                    Meetings = (c.Meetings ?? []).Select(k => new ClaimMeeting { Meeting = Lookup(_meetings, k, "meeting") }).ToList(),
                    AgendaItems = (c.AgendaItems ?? []).Select(k => new ClaimAgendaItem { AgendaItem = Lookup(_agendaItems, k, "agenda item") }).ToList(),
                    Actors = (c.Actors ?? []).Select(k => new ClaimActor { Actor = Lookup(_actors, k, "actor") }).ToList(),
                }).Entity;
            }

            AddFoundPositions(report.Title);

            foreach (var s in seed.StatusChanges)
            {
                db.AgendaStatusChanges.Add(new AgendaStatusChange
                {
                    AgendaItem = Lookup(_agendaItems, s.AgendaItem, "agenda item"),
                    Status = s.Status,
                    Meeting = s.Meeting is null ? null : Lookup(_meetings, s.Meeting, "meeting"),
                    AsOf = seed.Report.PublishedOn ?? seed.Report.TakenInOn,
                    Note = s.Note,
                    Evidence = s.Claims.Select(k => new AgendaStatusEvidence { Claim = Lookup(_claims, k, "claim") }).ToList(),
                });
            }
        }

        /// <summary>
        /// The positions the seed's claims state, read by the same finder intake uses rather than written into the seed,
        /// so a fresh start shows what the rules find. A party or item the seed's catalogue lacks is left out: a seed
        /// names its own records. Each rests on its claim and is dated by the report.
        /// </summary>
        private void AddFoundPositions(string headline)
        {
            var parties = seed.Actors.Where(a => PositionService.PartyKinds.Contains(a.Kind)).ToList();
            var sources = seed.Sources.ToDictionary(s => s.Key);
            var claims = seed.Claims.Select(c => c.Source is null ? null : sources.GetValueOrDefault(c.Source)).Zip(seed.Claims, (source, c) =>
                new ClaimText(c.Quote, source?.Name, source?.Affiliation is { } key ? Lookup(_actors, key, "actor").Name : null)).ToList();
            var sides = seed.Tracks.SelectMany(t => t.Participants).Where(p => p.Role == TrackRole.Party).Select(p => p.Actor).ToHashSet(StringComparer.Ordinal);
            var stated = ReportPositions.Find(claims, [.. parties.Select(a => new PartyName(a.Name, a.Aliases ?? [], sides.Contains(a.Key)))],
                [.. seed.AgendaItems.Select(a => new AgendaItemName(a.Title, a.Aliases ?? []))], headline, meaning);
            // A report restating a stance ("prefer …", then "considers … preferable") gives one position resting on both claims.
            var positions = new PositionService.StatedPositions(db, FuzzyDate.Exact(seed.Report.PublishedOn ?? seed.Report.TakenInOn), []);
            // The seed names its parties: a party only the finder knows is no seed record.
            foreach (var position in stated.Where(p => p.NewParty is null))
            {
                foreach (var claim in position.Claims)
                {
                    positions.Add(_actors[parties[position.Party].Key], position.Kind, _agendaItems[seed.AgendaItems[position.Item].Key], position.Wording,
                        _claims[seed.Claims[claim].Key]);
                }
            }
        }

        private T Lookup<T>(Dictionary<string, T> map, string key, string what) =>
            map.TryGetValue(key, out var value)
                ? value
                : throw new SeedException($"{fileName}: no {what} with key '{key}' is defined.");
    }
}

public sealed class SeedException(string message) : Exception(message);
