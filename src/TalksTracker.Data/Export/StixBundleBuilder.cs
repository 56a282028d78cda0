using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TalksTracker.Domain;
using TalksTracker.Domain.Provenance;

namespace TalksTracker.Data.Export;

/// <summary>
/// Writes an export as a STIX 2.1 bundle: identity for actors and sources, location for venues, report for
/// reports, note for claims (the quote as content, grade and stance as x_talkstracker_ properties; its ICD 203
/// confidence as the common <c>confidence</c> property, 0–100, with label, derivation, origin and relay chain as
/// x_talkstracker_ properties) and for parties' positions (the wording as content, referring to the claims it rests on and
/// the party; kind, party, item, as-of date and claim ids as x_talkstracker_ properties), grouping for tracks and meetings, and relationships (claim attributed-to / relayed-by
/// source, source affiliated-with actor, actor part-of actor, and between claims: corroborates, contradicts, refines). Object ids are UUIDv5 of a fixed namespace and the record's kind and id, so the same
/// record gets the same id in every export; timestamps are the records' own (RFC 3339, milliseconds, UTC).
/// </summary>
public static class StixBundleBuilder
{
    /// <summary>TalksTracker's fixed namespace for STIX ids. Never change it: ids would change with it.</summary>
    public static readonly Guid Namespace = new("5b1f8c52-3d0e-4f4e-9a57-8f0f2b8d6a31");

    public static string Id(string stixType, string recordKind, long recordId) =>
        $"{stixType}--{UuidV5(Namespace, $"{recordKind}:{recordId.ToString(CultureInfo.InvariantCulture)}"):D}";

    public static string Timestamp(DateTime value) =>
        DateTime.SpecifyKind(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value, DateTimeKind.Utc)
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 9562 name-based UUID, version 5 (SHA-1).</summary>
    public static Guid UuidV5(Guid @namespace, string name)
    {
        var ns = @namespace.ToByteArray(bigEndian: true);
        var bytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[ns.Length + bytes.Length];
        ns.CopyTo(input, 0);
        bytes.CopyTo(input, ns.Length);
        var hash = SHA1.HashData(input);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    public static string Build(ExportSnapshot snapshot, Guid? bundleId = null) =>
        BuildNode(snapshot, bundleId).ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    /// <summary>
    /// Writes the bundle as <see cref="Build"/> spells it, an object at a time: the text of a large bundle (hundreds of
    /// megabytes) is never held whole, and a web response is written asynchronously, as it must be.
    /// </summary>
    public static async Task WriteAsync(Stream stream, ExportSnapshot snapshot, Guid? bundleId = null, CancellationToken ct = default)
    {
        const int FlushAt = 64 * 1024;
        var bundle = BuildNode(snapshot, bundleId);
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        foreach (var (name, value) in bundle)
        {
            json.WritePropertyName(name);
            if (value is not JsonArray items)
            {
                WriteValue(json, value);
                continue;
            }

            json.WriteStartArray();
            foreach (var item in items)
            {
                WriteValue(json, item);
                if (json.BytesPending >= FlushAt)
                {
                    await json.FlushAsync(ct);
                }
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    private static void WriteValue(Utf8JsonWriter json, JsonNode? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            value.WriteTo(json);
        }
    }

    public static JsonObject BuildNode(ExportSnapshot s, Guid? bundleId = null)
    {
        var objects = new JsonArray();
        var actorIds = s.Actors.ToDictionary(a => a.Id, a => Id("identity", "actor", a.Id));
        var sourceIds = s.Sources.ToDictionary(x => x.Id, x => Id("identity", "source", x.Id));
        var venueIds = s.Venues.ToDictionary(v => v.Id, v => Id("location", "venue", v.Id));
        var reportIds = s.Reports.ToDictionary(r => r.Id, r => Id("report", "report", r.Id));
        var claimIds = s.Claims.ToDictionary(c => c.Id, c => Id("note", "claim", c.Id));
        var recordedAt = s.Claims.ToDictionary(c => c.Id, c => c.RecordedAt);
        var meetingIds = s.Meetings.ToDictionary(m => m.Id, m => Id("grouping", "meeting", m.Id));
        var relationships = new List<JsonObject>();
        var linkedPairs = new HashSet<(int, int)>();

        foreach (var a in s.Actors)
        {
            var o = Sdo("identity", actorIds[a.Id], a.RecordedAt);
            o["name"] = a.Name;
            o["identity_class"] = a.Kind switch
            {
                ActorKind.Person => "individual",
                ActorKind.NonStateArmedGroup => "group",
                ActorKind.Other => "unknown",
                _ => "organization",
            };
            if (a.Kind is ActorKind.State or ActorKind.StateBody)
            {
                o["sectors"] = new JsonArray("government");
            }

            Optional(o, "description", a.Description);
            o["x_talkstracker_kind"] = a.Kind.ToString();
            objects.Add(o);
            if (a.ParentActorId is { } parent && actorIds.TryGetValue(parent, out var parentId))
            {
                relationships.Add(Sro("part-of", $"actor-parent:{a.Id}", actorIds[a.Id], parentId, a.RecordedAt));
            }
        }

        foreach (var x in s.Sources)
        {
            var o = Sdo("identity", sourceIds[x.Id], x.RecordedAt);
            o["name"] = x.Name;
            o["identity_class"] = x.Kind switch
            {
                SourceKind.NamedOfficial or SourceKind.AnonymousOfficial => "individual",
                SourceKind.MediaOutlet or SourceKind.GovernmentStatement => "organization",
                SourceKind.Analyst => "group",
                _ => "unknown",
            };
            o["description"] = $"Source ({x.Kind}), Admiralty reliability {x.Reliability}." + (x.Description is null ? "" : $" {x.Description}");
            o["x_talkstracker_reliability"] = x.Reliability.ToString();
            objects.Add(o);
            if (x.AffiliationActorId is { } affiliation && actorIds.TryGetValue(affiliation, out var actorId))
            {
                relationships.Add(Sro("affiliated-with", $"source-affiliation:{x.Id}", sourceIds[x.Id], actorId, x.RecordedAt));
            }
        }

        foreach (var v in s.Venues)
        {
            var o = Sdo("location", venueIds[v.Id], v.RecordedAt);
            o["name"] = v.Name;
            if (v.Latitude is { } lat && v.Longitude is { } lon)
            {
                o["latitude"] = lat;
                o["longitude"] = lon;
            }
            else
            {
                o["country"] = v.Country ?? v.Name;
            }

            objects.Add(o);
        }

        var claimsByReport = s.Claims.ToLookup(c => c.ReportId);
        foreach (var r in s.Reports)
        {
            var refs = claimsByReport[r.Id].Select(c => claimIds[c.Id]).ToList();
            if (refs.Count == 0)
            {
                continue; // A STIX report must refer to something; a report with no exported claim is left out.
            }

            var o = Sdo("report", reportIds[r.Id], r.TakenInAt);
            o["name"] = r.Title;
            o["published"] = Timestamp(r.PublishedOn?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) ?? r.TakenInAt);
            o["lang"] = r.Language;
            Optional(o, "description", r.Outlet is null ? "Outlet unknown." : $"Published by {r.Outlet}.");
            o["object_refs"] = Array(refs);
            if (r.Url is not null)
            {
                o["external_references"] = new JsonArray(new JsonObject { ["source_name"] = r.Outlet ?? "report", ["url"] = r.Url });
            }

            objects.Add(o);
        }

        var venueByMeeting = s.Meetings.Where(m => m.VenueId is not null).ToDictionary(m => m.Id, m => m.VenueId!.Value);
        foreach (var c in s.Claims)
        {
            var o = Sdo("note", claimIds[c.Id], c.RecordedAt);
            o["abstract"] = $"{c.SourceName ?? "the outlet's own voice"} ({c.Grade}, {c.Stance.ToString().ToLowerInvariant()})";
            o["content"] = c.Quote;
            if (c.SourceName is not null)
            {
                o["authors"] = new JsonArray(c.SourceName);
            }

            var refs = new List<string>();
            if (reportIds.TryGetValue(c.ReportId, out var reportId))
            {
                refs.Add(reportId);
            }

            refs.AddRange(c.ActorIds.Where(actorIds.ContainsKey).Select(id => actorIds[id]));
            refs.AddRange(c.MeetingIds.Where(meetingIds.ContainsKey).Select(id => meetingIds[id]));
            refs.AddRange(c.MeetingIds.Where(venueByMeeting.ContainsKey).Select(id => venueIds.GetValueOrDefault(venueByMeeting[id])).OfType<string>());
            if (c.SourceId is { } sid && sourceIds.TryGetValue(sid, out var sourceRef))
            {
                refs.Add(sourceRef);
            }

            o["object_refs"] = Array(refs.Distinct());
            o["x_talkstracker_grade"] = c.Grade;
            o["x_talkstracker_stance"] = c.Stance.ToString();
            o["x_talkstracker_credibility"] = c.Credibility;
            o["x_talkstracker_span"] = new JsonArray(c.Start, c.End);
            Optional(o, "x_talkstracker_hedge", c.Hedge);
            if (c.Provenance is { } p)
            {
                o["confidence"] = (int)Math.Round(p.Probability * 100, MidpointRounding.AwayFromZero);
                o["x_talkstracker_confidence"] = p.Confidence;
                o["x_talkstracker_derivation"] = p.Derivation;
                o["x_talkstracker_origin"] = p.Origin;
                o["x_talkstracker_relay_chain"] = Array(p.RelayChain);
                // Each pair once, from whichever of its claims lists it (an export lists a number of links per claim).
                foreach (var link in p.Corroborating.Concat(p.Contradicting).Concat(p.Refining)
                             .Where(l => claimIds.ContainsKey(l.ClaimId) && linkedPairs.Add((Math.Min(c.Id, l.ClaimId), Math.Max(c.Id, l.ClaimId)))))
                {
                    relationships.Add(ClaimLink(c, link, claimIds, recordedAt));
                }
            }

            objects.Add(o);

            if (c.SourceId is { } source && sourceIds.TryGetValue(source, out var said))
            {
                relationships.Add(Sro("attributed-to", $"claim-source:{c.Id}", claimIds[c.Id], said, c.RecordedAt));
            }

            if (c.ViaSourceId is { } via && sourceIds.TryGetValue(via, out var relayed))
            {
                relationships.Add(Sro("relayed-by", $"claim-via:{c.Id}", claimIds[c.Id], relayed, c.RecordedAt));
            }
        }

        // A position is a note on the claims it rests on and the party that holds it (a STIX opinion is the producer's own view of objects, not a party's).
        foreach (var p in s.Positions)
        {
            var refs = p.ClaimIds.Where(claimIds.ContainsKey).Select(id => claimIds[id]).ToList();
            if (actorIds.TryGetValue(p.PartyActorId, out var party))
            {
                refs.Add(party);
            }

            if (refs.Count == 0)
            {
                continue;
            }

            var o = Sdo("note", Id("note", "position", p.Id), p.RecordedAt);
            o["abstract"] = $"{p.Party}: {p.Kind} on {p.AgendaItem} ({p.AsOf})";
            o["content"] = p.Wording;
            o["object_refs"] = Array(refs);
            o["x_talkstracker_position_kind"] = p.Kind;
            o["x_talkstracker_party"] = p.Party;
            o["x_talkstracker_agenda_item"] = p.AgendaItem;
            o["x_talkstracker_as_of"] = p.AsOf;
            o["x_talkstracker_claim_ids"] = new JsonArray(p.ClaimIds.Select(id => (JsonNode)JsonValue.Create(id)).ToArray());
            objects.Add(o);
        }

        var emittedMeetings = new HashSet<int>();
        var claimsByMeeting = s.Claims.SelectMany(c => c.MeetingIds.Select(m => (Meeting: m, Claim: c.Id))).ToLookup(x => x.Meeting, x => claimIds[x.Claim]);
        foreach (var m in s.Meetings)
        {
            var o = Sdo("grouping", meetingIds[m.Id], m.RecordedAt);
            o["name"] = m.Title;
            // A planned, postponed or cancelled meeting says so: it is not an event that took place.
            o["description"] = $"Meeting ({m.Status}{(m.Status.IsHeld() ? "" : ", not held")}, {m.Format}), {m.Date}.";
            o["context"] = "unspecified";
            var refs = m.ParticipantActorIds.Where(actorIds.ContainsKey).Select(id => actorIds[id]).ToList();
            if (m.VenueId is { } venue && venueIds.TryGetValue(venue, out var venueRef))
            {
                refs.Add(venueRef);
            }

            refs.AddRange(claimsByMeeting[m.Id]);
            if (refs.Count == 0)
            {
                continue;
            }

            o["object_refs"] = Array(refs.Distinct());
            objects.Add(o);
            emittedMeetings.Add(m.Id);
        }

        foreach (var t in s.Tracks)
        {
            var refs = t.ParticipantActorIds.Where(actorIds.ContainsKey).Select(id => actorIds[id])
                .Concat(s.Meetings.Where(m => m.TrackId == t.Id && emittedMeetings.Contains(m.Id)).Select(m => meetingIds[m.Id]))
                .Distinct().ToList();
            if (refs.Count == 0)
            {
                continue;
            }

            var o = Sdo("grouping", Id("grouping", "track", t.Id), t.RecordedAt);
            o["name"] = t.Name;
            Optional(o, "description", t.Description);
            o["context"] = "unspecified";
            o["object_refs"] = Array(refs);
            objects.Add(o);
        }

        foreach (var r in relationships)
        {
            objects.Add(r);
        }

        return new JsonObject
        {
            ["type"] = "bundle",
            ["id"] = $"bundle--{bundleId ?? Guid.NewGuid():D}",
            ["objects"] = objects,
        };
    }

    /// <summary>
    /// A link between two exported claims, once per pair: "corroborates" and "contradicts" go from the earlier-recorded
    /// claim's note to the later one's; "refines" goes from the later claim, which repeats or elaborates, to the earlier.
    /// </summary>
    private static JsonObject ClaimLink(ExportClaim claim, ExportClaimLink link, IReadOnlyDictionary<int, string> claimIds, IReadOnlyDictionary<int, DateTime> recordedAt)
    {
        // Named by the pair in id order whichever claim lists it; a refinement points from the later claim to the earlier.
        var (low, high) = claim.Id < link.ClaimId ? (claim.Id, link.ClaimId) : (link.ClaimId, claim.Id);
        var (from, to) = link.Kind == ClaimLinkKind.Refines ? (high, low) : (low, high);
        var type = link.Kind switch
        {
            ClaimLinkKind.Corroborates => "corroborates",
            ClaimLinkKind.Contradicts => "contradicts",
            _ => "refines",
        };
        var created = recordedAt[link.ClaimId] > claim.RecordedAt ? recordedAt[link.ClaimId] : claim.RecordedAt;
        var o = Sro(type, $"claim-link:{low}:{high}", claimIds[from], claimIds[to], created);
        o["description"] = $"{link.Reason} ({(link.Confirmed ? "confirmed by an editor" : "proposed")})";
        o["x_talkstracker_confirmed"] = link.Confirmed;
        return o;
    }

    private static JsonObject Sdo(string type, string id, DateTime created) => new()
    {
        ["type"] = type,
        ["spec_version"] = "2.1",
        ["id"] = id,
        ["created"] = Timestamp(created),
        ["modified"] = Timestamp(created),
    };

    private static JsonObject Sro(string relationshipType, string recordKey, string source, string target, DateTime created)
    {
        var o = Sdo("relationship", $"relationship--{UuidV5(Namespace, $"relationship:{recordKey}"):D}", created);
        o["relationship_type"] = relationshipType;
        o["source_ref"] = source;
        o["target_ref"] = target;
        return o;
    }

    private static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());

    private static void Optional(JsonObject o, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            o[name] = value;
        }
    }
}
