namespace TalksTracker.Data.Claims;

/// <summary>
/// Some of a set of claims, newest recorded first, with how many there are in all: an actor or a source can be named
/// in hundreds of thousands of claims, more than a page can read or show.
/// </summary>
public sealed record ClaimList(int Total, IReadOnlyList<ClaimView> Newest);
