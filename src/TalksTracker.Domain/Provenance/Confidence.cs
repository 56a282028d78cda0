using TalksTracker.Domain.Grading;

namespace TalksTracker.Domain.Provenance;

/// <summary>The ICD 203 estimative scale, with its probability bands.</summary>
public enum Estimate
{
    AlmostNoChance,
    VeryUnlikely,
    Unlikely,
    RoughlyEvenChance,
    Likely,
    VeryLikely,
    AlmostCertain,
}

/// <summary>One independent origin's weight for or against a statement, as shown in the derivation.</summary>
public sealed record EvidenceWeight(string Origin, bool For, Grade Grade, bool Hedged, double Weight);

/// <summary>An estimate with everything needed to show how it was reached.</summary>
public sealed record ConfidenceAssessment(Estimate Estimate, double Probability, int OriginsFor, int OriginsAgainst, IReadOnlyList<EvidenceWeight> Evidence)
{
    public string Label => Confidence.Label(Estimate);

    /// <summary>How many of the strongest origins on each side the derivation names; the rest are summed up.</summary>
    public const int NamedPerSide = 5;

    /// <summary>
    /// Each origin's weight, for (+) or against (−), the sum as log-odds, the probability and its band. Past
    /// <see cref="NamedPerSide"/> origins on a side, the weakest are counted and summed rather than named
    /// (<see cref="Evidence"/> keeps them all).
    /// </summary>
    public string Derivation => Evidence.Count == 0
        ? "No claim bears on this: no estimate beyond even chance."
        : string.Join("; ", Side(true).Concat(Side(false)))
          + $" → log-odds {Confidence.LogOdds(Evidence):+0.00;−0.00;0.00} → {Probability.ToString("P0", System.Globalization.CultureInfo.InvariantCulture)}: {Label}.";

    private IEnumerable<string> Side(bool @for)
    {
        var side = Evidence.Where(e => e.For == @for).ToList();
        var sign = @for ? "+" : "−";
        foreach (var e in side.Take(NamedPerSide))
        {
            yield return $"{sign}{e.Weight:0.00} {e.Origin} ({e.Grade}{(e.Hedged ? ", hedged" : "")})";
        }

        if (side.Count > NamedPerSide)
        {
            var rest = side.Skip(NamedPerSide).ToList();
            yield return $"{sign}{rest.Sum(e => e.Weight):0.00} from {rest.Count} more origin{(rest.Count == 1 ? "" : "s")} {(@for ? "for" : "against")}";
        }
    }
}

/// <summary>A claim as the confidence rules see it.</summary>
public sealed record WeighedClaim(string OriginKey, string OriginName, bool For, Grade Grade, bool Hedged);

/// <summary>
/// How likely a statement is, from the independent origins for and against it. Each origin counts
/// once, with its best claim: weight = reliability factor × credibility factor (× 0.75 when the claim
/// is hedged). The weights add up as log-odds from an even start (scale 1.5), are turned into a
/// probability, and the probability into the ICD 203 band it falls in. Repeating a claim from the same
/// origin changes nothing; a second independent origin does.
/// </summary>
public static class Confidence
{
    private const double Scale = 1.5;

    public static double ReliabilityFactor(Reliability r) => r switch
    {
        Reliability.A => 1.0,
        Reliability.B => 0.85,
        Reliability.C => 0.65,
        Reliability.D => 0.4,
        Reliability.E => 0.2,
        _ => 0.5,
    };

    public static double CredibilityFactor(int c) => c switch
    {
        1 => 1.0,
        2 => 0.85,
        3 => 0.65,
        4 => 0.4,
        5 => 0.2,
        _ => 0.5,
    };

    public static ConfidenceAssessment Assess(IEnumerable<WeighedClaim> claims)
    {
        var evidence = claims
            .GroupBy(c => (c.OriginKey, c.For))
            .Select(g => g.Select(c => new EvidenceWeight(c.OriginName, c.For, c.Grade, c.Hedged, Weight(c))).MaxBy(e => e.Weight)!)
            .OrderByDescending(e => e.For).ThenByDescending(e => e.Weight).ThenBy(e => e.Origin, StringComparer.Ordinal)
            .ToList();
        var probability = Math.Clamp(1 / (1 + Math.Exp(-LogOdds(evidence))), 0.01, 0.99);
        return new ConfidenceAssessment(Band(probability), probability, evidence.Count(e => e.For), evidence.Count(e => !e.For), evidence);
    }

    /// <summary>
    /// Whether a claim with stance <paramref name="claim"/> speaks for a statement made with stance
    /// <paramref name="statement"/>: a denial speaks for another denial and against an assertion or a hedge;
    /// assertions and hedges speak for each other. A meeting or agenda status is a statement that asserts.
    /// </summary>
    public static bool Supports(Stance statement, Stance claim) => (statement == Stance.Denies) == (claim == Stance.Denies);

    public static double LogOdds(IEnumerable<EvidenceWeight> evidence) => evidence.Sum(e => (e.For ? Scale : -Scale) * e.Weight);

    public static Estimate Band(double p) => p switch
    {
        <= 0.05 => Estimate.AlmostNoChance,
        <= 0.20 => Estimate.VeryUnlikely,
        <= 0.45 => Estimate.Unlikely,
        < 0.55 => Estimate.RoughlyEvenChance,
        <= 0.80 => Estimate.Likely,
        <= 0.95 => Estimate.VeryLikely,
        _ => Estimate.AlmostCertain,
    };

    public static string Label(Estimate e) => e switch
    {
        Estimate.AlmostNoChance => "almost no chance",
        Estimate.VeryUnlikely => "very unlikely",
        Estimate.Unlikely => "unlikely",
        Estimate.RoughlyEvenChance => "roughly even chance",
        Estimate.Likely => "likely",
        Estimate.VeryLikely => "very likely",
        _ => "almost certain",
    };

    private static double Weight(WeighedClaim c) => WeightOf(c.Grade, c.Hedged);

    /// <summary>What one claim weighs: reliability factor × credibility factor, × 0.75 when hedged.</summary>
    public static double WeightOf(Grade grade, bool hedged) =>
        ReliabilityFactor(grade.Reliability) * CredibilityFactor(grade.Credibility) * (hedged ? 0.75 : 1.0);
}
