using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using TalksTracker.Domain;
using TalksTracker.Domain.Provenance;

namespace TalksTracker.Data.Auditing;

/// <summary>
/// The one place changes are written down: before a save it notes every created, updated and
/// deleted record with its values; after the save (when new records have ids) it turns the notes
/// into audit entries, saved in the same transaction as the change itself.
/// </summary>
internal static class AuditTrail
{
    // Long texts (a report's full text) are recorded by length and fingerprint, not copied.
    private const int LongText = 2_000;

    // Secrets never reach the audit trail: these values are recorded as changed, not copied.
    private static readonly HashSet<string> Secret = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Hash", "Xml",
    };

    public sealed class Note(EntityEntry entry, AuditAction action, Dictionary<string, object?> changes)
    {
        public AuditEntry ToEntry(string user, DateTime at) => new()
        {
            At = at,
            User = user,
            Action = action,
            EntityType = entry.Metadata.ClrType.Name,
            EntityId = KeyOf(entry),
            Changes = JsonSerializer.Serialize(changes),
        };
    }

    public static List<Note> Collect(ChangeTracker tracker, DateTime now)
    {
        var notes = new List<Note>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is AuditEntry or Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey
                || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (entry is { State: EntityState.Added, Entity: IRecorded recorded } && recorded.RecordedAt == default)
            {
                recorded.RecordedAt = now;
            }

            var changes = new Dictionary<string, object?>();
            foreach (var property in entry.Properties)
            {
                var name = property.Metadata.Name;
                var secret = Secret.Contains(name);
                switch (entry.State)
                {
                    case EntityState.Added:
                        changes[name] = new { after = secret ? "(secret)" : Recordable(property.CurrentValue) };
                        break;
                    case EntityState.Deleted:
                        changes[name] = new { before = secret ? "(secret)" : Recordable(property.OriginalValue) };
                        break;
                    case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                        changes[name] = secret
                            ? new { before = (object?)"(secret)", after = (object?)"(secret, changed)" }
                            : new { before = Recordable(property.OriginalValue), after = Recordable(property.CurrentValue) };
                        break;
                }
            }

            if (entry.State == EntityState.Modified && changes.Keys.All(k => k is nameof(IVersioned.Version) or "ConcurrencyStamp" or "LastUsedAt"))
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            };
            notes.Add(new Note(entry, action, changes));
        }

        return notes;
    }

    private static object? Recordable(object? value) => value switch
    {
        string { Length: > LongText } text => $"({text.Length} characters, sha256 {ReportFingerprint.Of(text)})",
        Enum e => e.ToString(),
        _ => value,
    };

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey()!.Properties;
        return key.Count == 1
            ? Convert.ToString(entry.Property(key[0].Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture) ?? ""
            : string.Join(",", key.Select(p => $"{p.Name}={entry.Property(p.Name).CurrentValue}"));
    }
}
