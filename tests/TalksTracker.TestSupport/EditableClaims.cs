using TalksTracker.Data.Editing;

namespace TalksTracker.Testing;

public static class EditableClaims
{
    /// <summary>The correction that leaves the claim as it is, for a test to change field by field.</summary>
    public static ClaimCorrection AsCorrection(this EditableClaim claim) => new(claim.Version, claim.Source?.Id, claim.Via?.Id,
        claim.Stance, claim.Credibility, claim.Hedge,
        [.. claim.Meetings.Select(m => m.Id)], [.. claim.AgendaItems.Select(a => a.Id)], [.. claim.Actors.Select(a => a.Id)]);
}
