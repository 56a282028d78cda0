using System.Globalization;
using System.Text.Json;
using TalksTracker.Domain;

namespace TalksTracker.Data.Changes;

/// <summary>A record a change concerns: its kind (the entity's name, e.g. <c>Meeting</c>) and id.</summary>
public readonly record struct RecordRef(string Kind, int Id);

/// <summary>
/// One saved change, read from its audit entry: the kind of record, its id (none for a link keyed by two ids), and every
/// record it touches — itself and those it refers to, before and after (a claim's link to a meeting touches the claim
/// and the meeting; a meeting moved to another track touches both tracks).
/// </summary>
public sealed record ChangedRecord(long Version, string Kind, int? Id, AuditAction Action, IReadOnlyList<RecordRef> Touches)
{
    // The records pages are about; a reference is named after one of them (ActorId, PartyActorId, ViaSourceId …).
    private static readonly string[] Kinds =
        [nameof(AgendaItem), nameof(Actor), nameof(Claim), nameof(Meeting), nameof(Source), nameof(Track), nameof(Report), nameof(Venue), nameof(Position)];

    // Records that bring a claim to a page: the claim itself, or its link to a meeting, agenda item or actor.
    private static readonly HashSet<string> ClaimArrivals = new(StringComparer.Ordinal)
        { nameof(Claim), nameof(ClaimMeeting), nameof(ClaimAgendaItem), nameof(ClaimActor) };

    /// <summary>The claim this change brings to whatever it touches, when it is a new claim or a new link of one; otherwise null.</summary>
    public int? ArrivingClaimId
    {
        get
        {
            if (Action != AuditAction.Created || !ClaimArrivals.Contains(Kind))
            {
                return null;
            }

            return Kind == nameof(Claim) ? Id : Touches.Where(t => t.Kind == nameof(Claim)).Select(t => (int?)t.Id).FirstOrDefault();
        }
    }

    /// <summary>Reads an audit entry (its changes are <c>{"Property": {"before": …, "after": …}}</c>, see AuditTrail).</summary>
    public static ChangedRecord From(long version, string entityType, string entityId, AuditAction action, string changes)
    {
        int? id = int.TryParse(entityId, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        var touches = new List<RecordRef>();
        if (id is { } own)
        {
            touches.Add(new RecordRef(entityType, own));
        }

        try
        {
            using var json = JsonDocument.Parse(changes);
            foreach (var property in json.RootElement.EnumerateObject())
            {
                if (property.Name.Length > 2 && property.Name.EndsWith("Id", StringComparison.Ordinal)
                    && KindNamed(property.Name[..^2]) is { } kind && property.Value.ValueKind == JsonValueKind.Object)
                {
                    AddIfId(touches, kind, property.Value, "before");
                    AddIfId(touches, kind, property.Value, "after");
                }
            }
        }
        catch (JsonException)
        {
            // An entry written by hand or by an older release: the record itself is still known.
        }

        return new ChangedRecord(version, entityType, id, action, touches.Distinct().ToList());
    }

    private static string? KindNamed(string reference) => Array.Find(Kinds, k => reference.EndsWith(k, StringComparison.Ordinal));

    private static void AddIfId(List<RecordRef> touches, string kind, JsonElement change, string side)
    {
        if (change.TryGetProperty(side, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var id))
        {
            touches.Add(new RecordRef(kind, id));
        }
    }
}

/// <summary>The changes one read of the audit trail found, shared by every subscriber; <see cref="Version"/> is the newest.</summary>
public sealed record ChangeBatch(long Version, IReadOnlyList<ChangedRecord> Records);
