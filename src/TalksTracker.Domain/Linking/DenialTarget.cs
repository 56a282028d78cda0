namespace TalksTracker.Domain.Linking;

/// <summary>What a denial denies.</summary>
public enum DenialTarget
{
    /// <summary>That a meeting or contact took place: "denied that any meetings had taken place in Baku".</summary>
    Meeting,
    /// <summary>What was said to be agreed, demanded or offered: "denied that any such demand had been accepted".</summary>
    Substance,
}

/// <summary>
/// Reads what a denial is about, so it is proposed against the right thing: a denial that talks took place counts
/// against the meeting; a denial of a demand, offer or agreement counts against that agenda item (and the claims that
/// reported it), never against the meeting having been held.
/// </summary>
public static class Denials
{
    private static readonly HashSet<string> MeetingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "meeting", "meetings", "met", "meet", "talks", "contacts", "contact", "negotiations", "negotiated", "visit",
        "visited", "held", "place", "session", "sessions", "round", "channel", "dialogue", "encounter",
    };

    private static readonly HashSet<string> SubstanceWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "demand", "demands", "demanded", "proposal", "proposals", "proposed", "offer", "offers", "offered", "agreed",
        "agreement", "accepted", "accept", "deal", "concession", "concessions", "condition", "conditions", "plan",
        "withdrawal", "withdraw", "deployment", "deployments", "request", "requested", "guarantee", "guarantees",
        "understanding", "understandings", "ceasefire", "truce", "exchange", "swap", "release", "commitment", "committed",
        "promised", "approved", "rejected", "signed",
    };

    /// <summary>
    /// What a denial sentence denies: the substance when it names one (even in talks: "denied that any deal was reached at
    /// the talks"), the meeting when it speaks only of meeting, and the substance when it says neither ("denied the
    /// report"): an unclear denial does not count against a meeting having been held.
    /// </summary>
    public static DenialTarget Of(string sentence)
    {
        var words = sentence.Split((char[])[' ', '\t', '\n', ',', '.', ';', ':', '"', '“', '”', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('\'', '’'))
            .ToList();
        if (words.Exists(SubstanceWords.Contains))
        {
            return DenialTarget.Substance;
        }

        return words.Exists(MeetingWords.Contains) ? DenialTarget.Meeting : DenialTarget.Substance;
    }
}
