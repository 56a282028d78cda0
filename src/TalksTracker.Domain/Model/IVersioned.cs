namespace TalksTracker.Domain;

/// <summary>
/// A record editors change. <see cref="Version"/> is renewed on every save and checked as a
/// concurrency token, so a stale edit is refused instead of silently overwriting a newer one.
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
