using System.Text.Json;
using System.Text.Json.Serialization;
using TalksTracker.Domain.Extraction;
using TalksTracker.Domain.Positions;

namespace TalksTracker.Domain.Tests.Positions;

/// <summary>
/// Scores the position finder against a labelled folder under Positions/TestData (format in its README): the real
/// claim extraction runs on each report, the finder reads its headline and then each claim with its source, as intake
/// does, and each claim is matched to a labelled sentence by its opening words (a dateline stripped), so a mis-split
/// sentence counts as missed. A prediction is correct when a label of its sentence matches it on party (name or
/// alternative, ignoring case and a leading "the"), kind (kind or alsoKinds) and item (exactly); predictions on
/// unlabelled claims are wrong.
/// </summary>
internal static class PositionScoring
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static string Root => Path.Combine(AppContext.BaseDirectory, "Positions", "TestData");

    /// <summary>The labelled reports of a set; none when its folder is missing or empty.</summary>
    public static List<LabelledPositions> Reports(string set)
    {
        var directory = Path.Combine(Root, set);
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return [.. Directory.GetFiles(directory, "*.txt").Order(StringComparer.Ordinal)
            .Select(path => (Path: path, Labels: Path.ChangeExtension(path, null) + ".positions.json"))
            .Where(p => File.Exists(p.Labels))
            .Select(p => new LabelledPositions(
                Path.GetFileNameWithoutExtension(p.Path),
                File.ReadAllText(p.Path),
                JsonSerializer.Deserialize<PositionLabels>(File.ReadAllText(p.Labels), Options) ?? throw new InvalidOperationException($"{p.Labels} is empty.")))];
    }

    /// <param name="withParties">Give the finder each report's optional catalogue parties, as the product does; without
    /// them it must find every party in the text.</param>
    public static PositionEvaluation Evaluate(IReadOnlyList<LabelledPositions> reports, bool withParties = false)
    {
        var overall = new PositionTally();
        var byKind = PositionKinds.All.ToDictionary(k => k, _ => new PositionTally());
        var misses = new List<string>();
        var sentences = 0;
        foreach (var report in reports)
        {
            var (name, _, labels) = report;
            var namesOf = NamesOf(labels, withParties);
            var read = Read(report, FinderFor(labels, withParties)).ToList();
            var foundBy = read.ToDictionary(r => r.Claim, r => r.Found);
            var used = new HashSet<ExtractedClaim>();
            foreach (var (sentence, claim) in Pair(labels, [.. read.Select(r => r.Claim)]))
            {
                sentences++;
                if (claim is not null)
                {
                    used.Add(claim);
                }

                var predicted = claim is null ? [] : foundBy[claim];
                foreach (var p in predicted)
                {
                    var correct = sentence.Positions.Any(l => l.Matches(p, namesOf(p.Party)));
                    overall.Predict(correct);
                    byKind[p.Kind].Predict(correct);
                    if (!correct)
                    {
                        misses.Add($"{name} \"{sentence.Text}\": wrong {p.Party} {p.Kind.Name()} {p.Item} (“{p.Wording}”)");
                    }
                }

                foreach (var label in sentence.Positions)
                {
                    var matched = predicted.Any(p => label.Matches(p, namesOf(p.Party)));
                    var kind = PositionKinds.Parse(label.Kind) ?? throw new InvalidOperationException($"{name}: unknown kind '{label.Kind}'.");
                    overall.Label(matched);
                    byKind[kind].Label(matched);
                    if (!matched)
                    {
                        misses.Add($"{name} \"{sentence.Text}\": missed {label.Party} {label.Kind} {label.Item}{(claim is null ? " (sentence not found)" : "")}");
                    }
                }
            }

            foreach (var (extra, found) in read.Where(r => !used.Contains(r.Claim)))
            {
                foreach (var p in found)
                {
                    overall.Predict(false);
                    byKind[p.Kind].Predict(false);
                    misses.Add($"{name} unlabelled claim \"{extra.Text[..Math.Min(40, extra.Text.Length)]}\": {p.Party} {p.Kind.Name()} {p.Item}");
                }
            }
        }

        return new PositionEvaluation(reports.Count, sentences, overall, byKind, misses);
    }

    /// <summary>Each labelled sentence with the claim that opens with its words, if extraction made one; each claim used once.</summary>
    public static IEnumerable<(LabelledSentence Sentence, ExtractedClaim? Claim)> Pair(PositionLabels labels, IReadOnlyList<ExtractedClaim> claims)
    {
        var used = new HashSet<ExtractedClaim>();
        foreach (var sentence in labels.Sentences)
        {
            var opening = sentence.Text[ReportLayout.DatelineLength(sentence.Text)..];
            var claim = claims.FirstOrDefault(c => !used.Contains(c) && c.Text.StartsWith(opening, StringComparison.Ordinal));
            if (claim is not null)
            {
                used.Add(claim);
            }

            yield return (sentence, claim);
        }
    }

    /// <summary>A catalogue party is one actor under any of its names, so a label naming it by an alias names it.</summary>
    public static Func<string, IReadOnlyList<string>> NamesOf(PositionLabels labels, bool withParties)
    {
        var catalogue = withParties ? labels.Parties ?? [] : [];
        return party => catalogue.FirstOrDefault(c => c.Name == party) is { } actor ? [actor.Name, .. actor.Aliases ?? []] : [party];
    }

    /// <summary>
    /// The finder for a labelled report as intake builds it: given its items and, <paramref name="withParties"/>, its
    /// catalogue's parties, with the product's embedder.
    /// </summary>
    public static PositionFinder FinderFor(PositionLabels labels, bool withParties) => new(
        ItemsOf(labels),
        withParties ? labels.Parties?.Select(p => new PartyName(p.Name, p.Aliases ?? [], labels.Sides?.Contains(p.Name) == true)) : null,
        CachedMeaning.Shared);

    public static List<AgendaItemName> ItemsOf(PositionLabels labels) =>
        [.. labels.AgendaItems.Select(i => new AgendaItemName(i, labels.ItemAliases?.GetValueOrDefault(i) ?? []))];

    /// <summary>
    /// Reads a report as intake does: the finder takes the headline, then each extracted claim in the report's order
    /// with its source and the sentence before it. Lazy, so a caller can look at what the finder did after each claim.
    /// </summary>
    public static IEnumerable<(ExtractedClaim Claim, IReadOnlyList<ProposedPosition> Found)> Read(LabelledPositions report, PositionFinder finder) =>
        Read(ClaimExtractor.Extract(report.Text), finder);

    /// <summary>Reads an extraction already made, for a caller that pairs its claims with the labels too.</summary>
    public static IEnumerable<(ExtractedClaim Claim, IReadOnlyList<ProposedPosition> Found)> Read(ExtractionResult extraction, PositionFinder finder)
    {
        finder.ReadHeadline(extraction.Headline);
        string? before = null;
        foreach (var claim in extraction.Claims)
        {
            yield return (claim, finder.Find(claim.Text, claim.Source, previousSentence: before));
            before = claim.Text;
        }
    }
}

internal sealed record LabelledPositions(string Name, string Text, PositionLabels Labels);

internal sealed record PositionLabels(
    [property: JsonPropertyName("agendaItems")] IReadOnlyList<string> AgendaItems,
    [property: JsonPropertyName("sentences")] IReadOnlyList<LabelledSentence> Sentences,
    // Optional: the catalogue's other names for an item, given to the finder with it (see the README).
    [property: JsonPropertyName("itemAliases")] IReadOnlyDictionary<string, IReadOnlyList<string>>? ItemAliases = null,
    // Optional: the actors the track's catalogue holds, given to the finder as its parties (see the README).
    [property: JsonPropertyName("parties")] IReadOnlyList<LabelledParty>? Parties = null,
    // Optional: which of those parties are the track's own parties, not its mediators or hosts (see the README).
    [property: JsonPropertyName("sides")] IReadOnlyList<string>? Sides = null);

internal sealed record LabelledParty(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("aliases")] IReadOnlyList<string>? Aliases);

internal sealed record LabelledSentence(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("positions")] IReadOnlyList<LabelledPosition> Positions);

internal sealed record LabelledPosition(
    [property: JsonPropertyName("party")] string Party,
    [property: JsonPropertyName("partyAlternatives")] IReadOnlyList<string>? PartyAlternatives,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("alsoKinds")] IReadOnlyList<string>? AlsoKinds,
    [property: JsonPropertyName("item")] string Item)
{
    /// <param name="partyNames">The predicted party's names: its own, or a catalogue actor's name and aliases.</param>
    public bool Matches(ProposedPosition predicted, IReadOnlyList<string> partyNames) =>
        predicted.Item == Item
        && (AlsoKinds ?? []).Prepend(Kind).Any(k => PositionKinds.Parse(k) == predicted.Kind)
        && (PartyAlternatives ?? []).Prepend(Party).Any(name => partyNames.Any(party => string.Equals(WithoutThe(name), WithoutThe(party), StringComparison.OrdinalIgnoreCase)));

    private static string WithoutThe(string name) =>
        name.Trim() is var trimmed && trimmed.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? trimmed[4..].TrimStart() : trimmed;
}

/// <summary>Correct predictions over predictions (precision), matched labels over labels (recall).</summary>
internal sealed class PositionTally
{
    public int Correct { get; private set; }
    public int Predicted { get; private set; }
    public int Matched { get; private set; }
    public int Labels { get; private set; }

    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
    public double Recall => Labels == 0 ? 0 : (double)Matched / Labels;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public void Predict(bool correct)
    {
        Predicted++;
        Correct += correct ? 1 : 0;
    }

    public void Label(bool matched)
    {
        Labels++;
        Matched += matched ? 1 : 0;
    }

    public override string ToString() =>
        $"P {Precision:F3}, R {Recall:F3}, F1 {F1:F3} ({Correct} of {Predicted} predicted correct, {Matched} of {Labels} labels found)";
}

internal sealed record PositionEvaluation(int Reports, int Sentences, PositionTally Overall, IReadOnlyDictionary<PositionKind, PositionTally> ByKind, IReadOnlyList<string> Misses);
