namespace TalksTracker.Domain.Grading;

/// <summary>
/// The familiar two-character Admiralty grade: source reliability letter and information
/// credibility digit, e.g. "B2". A claim without a source is graded "F" (reliability cannot be judged).
/// </summary>
public readonly record struct Grade(Reliability Reliability, int Credibility)
{
    public static Grade Of(Reliability? sourceReliability, int credibility) =>
        new(sourceReliability ?? Reliability.F, Math.Clamp(credibility, 1, 6));

    public override string ToString() => $"{Reliability}{Credibility}";

    public static string Describe(Reliability reliability) => reliability switch
    {
        Reliability.A => "Completely reliable",
        Reliability.B => "Usually reliable",
        Reliability.C => "Fairly reliable",
        Reliability.D => "Not usually reliable",
        Reliability.E => "Unreliable",
        _ => "Reliability cannot be judged",
    };

    public static string DescribeCredibility(int credibility) => credibility switch
    {
        1 => "Confirmed by other sources",
        2 => "Probably true",
        3 => "Possibly true",
        4 => "Doubtful",
        5 => "Improbable",
        _ => "Truth cannot be judged",
    };

    /// <summary>Parses "A".."F" (case-insensitive); null when the text is not a grade letter.</summary>
    public static Reliability? ParseReliability(string? text) =>
        text is { Length: 1 } && char.IsAsciiLetter(text[0]) && Enum.TryParse<Reliability>(text, ignoreCase: true, out var r) && Enum.IsDefined(r)
            ? r
            : null;
}
