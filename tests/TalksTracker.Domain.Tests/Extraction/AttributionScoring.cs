using TalksTracker.Domain.Extraction;

namespace TalksTracker.Domain.Tests.Extraction;

/// <summary>
/// Scores the engine against a labelled TestData folder. Sentences are matched to labels by their opening
/// words (a dateline stripped), so a mis-split sentence counts as missed; a predicted source is correct when
/// the label or one of its alternatives names it, ignoring case. Shared by the held-out and news evaluations.
/// </summary>
internal static class AttributionScoring
{
    public const string Plain = "plain";

    public static Evaluation Evaluate(string set) => Evaluate(Reports(set));

    public static Evaluation Evaluate(IEnumerable<LabelledReport> reports)
    {
        var sources = new Tally();
        var relays = new Tally();
        var byTag = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        var sentencesByTag = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var misses = new List<string>();
        var relayMisses = new List<string>();
        var count = 0;
        foreach (var (name, text, expected) in reports)
        {
            count++;
            var claims = ClaimExtractor.Extract(text).Claims;
            var used = new HashSet<ExtractedClaim>();
            foreach (var label in expected.Sentences)
            {
                // A dateline ("GENEVA (AFP) - ") is kept out of the claim that follows it.
                var opening = label.Text[ReportLayout.DatelineLength(label.Text)..];
                var claim = claims.FirstOrDefault(c => !used.Contains(c) && c.Text.StartsWith(opening, StringComparison.Ordinal));
                if (claim is not null)
                {
                    used.Add(claim);
                }

                var got = claim?.Source;
                var correct = label.Accepts(got);
                sources.Add(label.Source is not null, got is not null, correct);
                var tags = label.Phenomena is { Count: > 0 } p ? p : [Plain];
                foreach (var tag in tags)
                {
                    if (!byTag.TryGetValue(tag, out var tally))
                    {
                        byTag[tag] = tally = new Tally();
                    }

                    tally.Add(label.Source is not null, got is not null, correct);
                    sentencesByTag[tag] = sentencesByTag.GetValueOrDefault(tag) + 1;
                }

                if (!correct && (label.Source is not null || got is not null))
                {
                    misses.Add($"{name} \"{label.Text}\": expected '{label.Source}', got '{got}'{(claim is null ? " (sentence not found)" : "")} [{string.Join(", ", tags)}]");
                }

                var via = claim?.Via;
                var viaCorrect = label.Via is not null && RelayMatches(label.Via, via);
                relays.Add(label.Via is not null, via is not null, viaCorrect);
                if (!viaCorrect && (label.Via is not null || via is not null))
                {
                    relayMisses.Add($"{name} \"{label.Text}\": expected via '{label.Via}', got '{via}'");
                }
            }

            // Claims no label matched (a split too many) still count when they name a source or relay.
            foreach (var extra in claims.Where(c => !used.Contains(c)))
            {
                sources.Add(false, extra.Source is not null, false);
                relays.Add(false, extra.Via is not null, false);
                if (extra.Source is not null)
                {
                    misses.Add($"{name} unlabelled claim \"{extra.Text[..Math.Min(40, extra.Text.Length)]}\": got '{extra.Source}'");
                }
            }
        }

        return new Evaluation(count, sources.ToScore(misses), relays.ToScore(relayMisses), byTag.ToDictionary(kv => kv.Key, kv => kv.Value.ToScore([])), sentencesByTag);
    }

    /// <summary>
    /// A predicted relay is correct when it equals the label, or when its final proper-name words are the label: the
    /// labels' convention is the bare proper name ("Kyodo" for "the Kyodo news agency", "WAM" for "state news agency
    /// WAM", "Al Arabiya" for "the Saudi-owned Al Arabiya channel"). A scoring convention, not a claim that the longer phrase
    /// is wrong.
    /// </summary>
    internal static bool RelayMatches(string label, string? predicted)
    {
        if (predicted is null)
        {
            return false;
        }

        if (string.Equals(label, predicted, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // The final proper name of the prediction: its last run of capitalised words, lower-case descriptors left out. A
        // compound adjective that opens with a name ("Saudi-owned", "Qatar-based") describes the outlet and is no part of it.
        var words = predicted.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var end = Array.FindLastIndex(words, w => char.IsUpper(w[0])) + 1;
        var start = end;
        while (start > 0 && char.IsUpper(words[start - 1][0]) && !words[start - 1].Equals("The", StringComparison.Ordinal)
            && !(words[start - 1].IndexOf('-') is > 0 and var hyphen && hyphen + 1 < words[start - 1].Length && char.IsLower(words[start - 1][hyphen + 1])))
        {
            start--;
        }

        var labelWords = label.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(w => w.Equals("the", StringComparison.OrdinalIgnoreCase));
        return end > start && words[start..end].SequenceEqual(labelWords, StringComparer.OrdinalIgnoreCase);
    }

    public static IEnumerable<LabelledReport> Reports(string set)
    {
        var directory = ExpectedAttribution.PathOf(set);
        if (!Directory.Exists(directory))
        {
            yield break;
        }

        foreach (var path in Directory.GetFiles(directory, "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            yield return new LabelledReport(name, File.ReadAllText(path), ExpectedAttribution.Load(Path.Combine(set, name + ".attribution.json")));
        }
    }

    private sealed class Tally
    {
        private int truePositives, predicted, relevant;

        public void Add(bool isRelevant, bool isPredicted, bool isCorrect)
        {
            relevant += isRelevant ? 1 : 0;
            predicted += isPredicted ? 1 : 0;
            truePositives += isCorrect ? 1 : 0;
        }

        public Score ToScore(IReadOnlyList<string> misses) => new(truePositives, predicted, relevant, misses);
    }
}

internal sealed record LabelledReport(string Name, string Text, ExpectedAttribution Expected);

/// <param name="Reports">How many reports were scored.</param>
/// <param name="Sources">Sources over all sentences, with the misses.</param>
/// <param name="Relays">Relays ("via"), with their misses.</param>
/// <param name="ByPhenomenon">Sources over the sentences with each tag ("plain" for none); unlabelled claims are not counted here.</param>
/// <param name="SentencesByPhenomenon">How many labelled sentences carry each tag.</param>
internal sealed record Evaluation(int Reports, Score Sources, Score Relays, IReadOnlyDictionary<string, Score> ByPhenomenon, IReadOnlyDictionary<string, int> SentencesByPhenomenon);

internal sealed record Score(int TruePositives, int Predicted, int Relevant, IReadOnlyList<string> Misses)
{
    public double Precision => Predicted == 0 ? 0 : (double)TruePositives / Predicted;

    public double Recall => Relevant == 0 ? 0 : (double)TruePositives / Relevant;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public override string ToString() => $"P {Precision:F3}, R {Recall:F3}, F1 {F1:F3} ({TruePositives} correct of {Predicted} predicted, {Relevant} labelled)";
}
