using System.Text.Json;
using Microsoft.AspNetCore.Identity;
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
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Hash", "Xml", "Secret",
    };

    /// <summary>
    /// A change noted before the save. New values are read when the entry is made, after the save, so a new record's
    /// id and its references to other new records are the ids they got, not the temporary ones EF uses until then.
    /// </summary>
    public sealed class Note(EntityEntry entry, AuditAction action, IReadOnlyList<(PropertyEntry Property, object? Before)> changed, string? roleName)
    {
        public AuditEntry ToEntry(string user, DateTime at) => new()
        {
            At = at,
            User = user,
            Action = action,
            EntityType = entry.Metadata.ClrType.Name,
            EntityId = action == AuditAction.Deleted ? DeletedKey : KeyOf(entry),
            Changes = JsonSerializer.Serialize(WithRole(changed.ToDictionary(c => c.Property.Metadata.Name, c => Describe(c.Property, c.Before)))),
        };

        // A role given or taken is recorded by its name too: an id alone means nothing to whoever reads the trail.
        private Dictionary<string, object> WithRole(Dictionary<string, object> changes)
        {
            if (roleName is not null)
            {
                changes["RoleName"] = action == AuditAction.Deleted ? new { before = roleName } : new { after = roleName };
            }

            return changes;
        }

        // A deleted record's key is read before the save: afterwards the entry is detached.
        private string DeletedKey { get; } = action == AuditAction.Deleted ? KeyOf(entry) : "";

        private object Describe(PropertyEntry property, object? before)
        {
            var secret = Secret.Contains(property.Metadata.Name);
            return action switch
            {
                AuditAction.Created => new { after = secret ? "(secret)" : Recordable(property.CurrentValue) },
                AuditAction.Deleted => new { before = secret ? "(secret)" : Recordable(before) },
                _ => secret
                    ? new { before = (object?)"(secret)", after = (object?)"(secret, changed)" }
                    : new { before = Recordable(before), after = Recordable(property.CurrentValue) },
            };
        }
    }

    public static List<Note> Collect(ChangeTracker tracker, DateTime now)
    {
        var notes = new List<Note>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is AuditEntry or Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey or Alerts.IAlertBookkeeping
                || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (entry is { State: EntityState.Added, Entity: IRecorded recorded } && recorded.RecordedAt == default)
            {
                recorded.RecordedAt = now;
            }

            var changed = entry.State switch
            {
                EntityState.Added => entry.Properties.Select(p => (p, (object?)null)).ToList(),
                EntityState.Deleted => entry.Properties.Select(p => (p, p.OriginalValue)).ToList(),
                _ => entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).Select(p => (p, p.OriginalValue)).ToList(),
            };

            if (entry.State == EntityState.Modified && changed.All(c => c.p.Metadata.Name is nameof(IVersioned.Version) or "ConcurrencyStamp" or "LastUsedAt"))
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            };
            notes.Add(new Note(entry, action, changed, RoleNameOf(entry)));
        }

        return notes;
    }

    /// <summary>The name of the role a user-role link names: the role is tracked already when Identity made the link.</summary>
    private static string? RoleNameOf(EntityEntry entry) =>
        entry.Entity is IdentityUserRole<string> link
            ? (entry.Context.Set<IdentityRole>().Local.FirstOrDefault(r => r.Id == link.RoleId) ?? entry.Context.Set<IdentityRole>().Find(link.RoleId))?.Name
            : null;

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
