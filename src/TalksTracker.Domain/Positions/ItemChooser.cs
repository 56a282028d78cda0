using TalksTracker.Domain.Linking;

namespace TalksTracker.Domain.Positions;

/// <summary>
/// Chooses, among a track's agenda items, the one a proposed position is about, weighing the rules' own choice against
/// what else the sentence and the report so far say of each item: its words in the stance's wording and in the sentence
/// (whole stems, four-letter prefixes, words only it has, the subjects of <see cref="AgendaWords.Fields"/>), in the
/// sentence before and the headline, how near the stance its words stand, whether the report's last positions were on
/// it, and how alike in meaning the wording and the sentence are to it (<see cref="ITextEmbedder"/>), for an item named
/// in other words. Each item gets the score <see cref="Weights"/> · evidence; the highest wins.
/// </summary>
/// <remarks>
/// The weights are learned, not written: a softmax over each proposal's candidate items, fitted to the labelled sets of
/// Positions/TestData (how, and what it wins set by set when each set is left out of its own training, is in that
/// folder's README). Every piece of evidence is a count or a share of words, or a likeness in meaning, so nothing in it
/// names a track, a party or a word of one report. One chooser reads one report, in order, beside its <see cref="PositionFinder"/>.
/// </remarks>
public sealed class ItemChooser
{
    /// <summary>What each weight multiplies, in order.</summary>
    public static readonly IReadOnlyList<string> Evidence =
    [
        "the rules chose it", "share of its words in the wording", "its words in the wording", "share of its words in the sentence",
        "share of its words before the wording", "its own words in the wording", "its own words in the sentence",
        "its subjects in the wording", "its subjects in the sentence", "its prefixes in the wording", "its prefixes in the sentence",
        "share of its words in the sentence before", "share of its words in the headline", "the report's last position was on it",
        "where its first word stands in the wording", "sentences so far naming it (log)", "positions so far on it (log)",
        "nearness of its first word after the wording's start", "nearness of its last word before it",
        "the sentence before's last position was on it",
        "likeness in meaning of the wording to it", "likeness in meaning of the sentence to it",
        "it is the item most like the wording in meaning", "it is the item most like the sentence in meaning",
        "likeness in meaning of the sentence before to it", "it is the item most like the sentence before in meaning",
    ];

    /// <summary>
    /// Learned on every labelled set with the catalogue's parties by <c>ItemChooserTraining</c> (Domain tests), which
    /// checks that these are what training gives.
    /// </summary>
    public static readonly IReadOnlyList<double> Weights =
    [
        1.058, 0.073, 0.030, 0.105, 0.061, 0.028, 0.505, 0.178, 0.556, 0.030, 0.259, 0.598, -0.006, 0.482, -0.255, -0.122, -0.249, 0.085,
        -0.128, 0.758, 0.385, 0.264, 0.609, 0.313, 0.441, 0.743,
    ];

    /// <summary>
    /// The least score an item needs to place a stance the rules found a party for but no item (<see cref="Place"/>): fitted
    /// after the weights, as the threshold that gives the best F1 on the same sets.
    /// </summary>
    public const double PlaceAbove = 1.011;

    private readonly List<(string Item, HashSet<string> Stems, HashSet<string> Own, HashSet<string> Fields, HashSet<string> Prefixes)> _items;
    private readonly IReadOnlyList<double> _weights;
    private readonly ITextEmbedder? _meaning;
    // Each item's title and aliases as the embedder places them, once per report, when first weighed.
    private readonly List<IReadOnlyList<string>> _itemTitles;
    private List<float[][]>? _itemVectors;
    private readonly List<(string Text, float[] Vector)> _recentSentences = [];
    private HashSet<string> _headline = [];
    private readonly Dictionary<string, int> _sentencesNaming = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _positionsOn = new(StringComparer.Ordinal);
    private string? _lastItem;
    private string? _itemBefore;

    /// <param name="weights">Other weights than <see cref="Weights"/>, for training; one per <see cref="Evidence"/>.</param>
    /// <param name="meaning">
    /// What says how alike in meaning a stance and an item are; without it (unit tests of the rules) that evidence is
    /// nought for every item, which changes no choice between items but lowers every score <see cref="Place"/> weighs.
    /// </param>
    public ItemChooser(IEnumerable<AgendaItemName> items, IReadOnlyList<double>? weights = null, ITextEmbedder? meaning = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var catalogue = items.ToList();
        _meaning = meaning;
        _itemTitles = [.. catalogue.Select(i => (IReadOnlyList<string>)[i.Name, .. i.Aliases])];
        _weights = weights ?? Weights;
        if (_weights.Count != Evidence.Count)
        {
            throw new ArgumentException($"{Evidence.Count} weights are needed, one per piece of evidence.", nameof(weights));
        }

        var stems = ItemWords.Of(catalogue);
        _items = [.. stems.Zip(ItemWords.OwnOf(stems), (i, own) => (i.Item, i.Stems, own.Stems, AgendaWords.Fields(i.Stems), Prefixes(i.Stems)))];
    }

    /// <summary>The report's headline: what a report as a whole is about.</summary>
    public void ReadHeadline(string? headline) => _headline = AgendaWords.Stems(headline ?? "");

    /// <summary>The items in the order <see cref="EvidenceFor"/> gives their evidence.</summary>
    public IReadOnlyList<string> Items => [.. _items.Select(i => i.Item)];

    /// <summary>The evidence for each item (in <see cref="Items"/> order) that <paramref name="proposed"/> is about it.</summary>
    public IReadOnlyList<double[]> EvidenceFor(string sentence, string? previousSentence, ProposedPosition proposed)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(proposed);
        var at = Math.Clamp(proposed.WordingSpan.Start, 0, sentence.Length);
        var wordingOrder = AgendaWords.StemsInOrder(proposed.Wording);
        var wording = wordingOrder.ToHashSet(StringComparer.Ordinal);
        var sentenceOrder = AgendaWords.StemsInOrder(sentence);
        var inSentence = sentenceOrder.ToHashSet(StringComparer.Ordinal);
        var beforeOrder = AgendaWords.StemsInOrder(sentence[..at]);
        var before = beforeOrder.ToHashSet(StringComparer.Ordinal);
        var start = beforeOrder.Count;
        var previous = AgendaWords.Stems(previousSentence ?? "");
        var wordingFields = AgendaWords.Fields(wording);
        var sentenceFields = AgendaWords.Fields(inSentence);
        var wordingPrefixes = Prefixes(wording);
        var sentencePrefixes = Prefixes(inSentence);
        var (likeWording, likeSentence, likeBefore) = Likeness(sentence, proposed.Wording, previousSentence);
        var mostLikeWording = likeWording.DefaultIfEmpty(0).Max();
        var mostLikeSentence = likeSentence.DefaultIfEmpty(0).Max();
        var mostLikeBefore = likeBefore.DefaultIfEmpty(0).Max();
        return [.. _items.Select((item, k) =>
        {
            double Share(HashSet<string> stems) => item.Stems.Count == 0 ? 0 : (double)item.Stems.Count(stems.Contains) / item.Stems.Count;
            var first = wordingOrder.FindIndex(item.Stems.Contains);
            var after = Enumerable.Range(start, Math.Max(0, sentenceOrder.Count - start)).Where(k => item.Stems.Contains(sentenceOrder[k])).Select(k => k - start).DefaultIfEmpty(-1).First();
            var behind = Enumerable.Range(0, Math.Min(start, sentenceOrder.Count)).Reverse().Where(k => item.Stems.Contains(sentenceOrder[k])).Select(k => start - k).DefaultIfEmpty(-1).First();
            return new double[]
            {
                item.Item == proposed.Item ? 1 : 0,
                Share(wording),
                item.Stems.Count(wording.Contains),
                Share(inSentence),
                Share(before),
                item.Own.Count(wording.Contains),
                item.Own.Count(inSentence.Contains),
                item.Fields.Count(wordingFields.Contains),
                item.Fields.Count(sentenceFields.Contains),
                item.Prefixes.Count(wordingPrefixes.Contains),
                item.Prefixes.Count(sentencePrefixes.Contains),
                Share(previous),
                Share(_headline),
                item.Item == _lastItem ? 1 : 0,
                first < 0 ? 1 : (double)first / Math.Max(1, wordingOrder.Count),
                Math.Log(1 + _sentencesNaming.GetValueOrDefault(item.Item)),
                Math.Log(1 + _positionsOn.GetValueOrDefault(item.Item)),
                after < 0 ? 0 : 1.0 / (1 + after),
                behind < 0 ? 0 : 1.0 / (1 + behind),
                item.Item == _itemBefore ? 1 : 0,
                likeWording[k],
                likeSentence[k],
                _meaning is not null && likeWording[k] == mostLikeWording ? 1 : 0,
                _meaning is not null && likeSentence[k] == mostLikeSentence ? 1 : 0,
                likeBefore[k],
                _meaning is not null && !string.IsNullOrWhiteSpace(previousSentence) && likeBefore[k] == mostLikeBefore ? 1 : 0,
            };
        })];
    }

    /// <summary>
    /// Each item's likeness in meaning to the wording, the sentence and the sentence before: the cosine of their vectors,
    /// the nearest of the item's title and aliases; nought for every item without an embedder (and without a sentence before).
    /// </summary>
    private (double[] Wording, double[] Sentence, double[] Before) Likeness(string sentence, string wording, string? before)
    {
        var none = new double[_items.Count];
        if (_meaning is null)
        {
            return (none, none, none);
        }

        _itemVectors ??= [.. _itemTitles.Select(titles => titles.Select(_meaning.Embed).ToArray())];
        double[] LikenessTo(float[] vector) => [.. _itemVectors.Select(titles => titles.Max(t => Cosine(vector, t)))];
        var sentenceVector = SentenceVector(_meaning, sentence);
        var wordingVector = wording == sentence ? sentenceVector : _meaning.Embed(wording);
        return (LikenessTo(wordingVector), LikenessTo(sentenceVector), string.IsNullOrWhiteSpace(before) ? none : LikenessTo(SentenceVector(_meaning, before)));
    }

    // A sentence is weighed once for each stance in it, and again as the sentence before the next: the last two are kept.
    private float[] SentenceVector(ITextEmbedder meaning, string sentence)
    {
        if (_recentSentences.Find(s => s.Text == sentence) is { Vector: { } known })
        {
            return known;
        }

        var vector = meaning.Embed(sentence);
        _recentSentences.Add((sentence, vector));
        if (_recentSentences.Count > 2)
        {
            _recentSentences.RemoveAt(0);
        }

        return vector;
    }

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, aa = 0, bb = 0;
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            dot += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }

        return aa == 0 || bb == 0 ? 0 : dot / Math.Sqrt(aa * bb);
    }

    /// <summary>
    /// Told of each position the rules proposed (its <see cref="ProposedPosition.Item"/> empty when they found none), with its
    /// evidence item by item (in <see cref="Items"/> order), before the choice: what training learns from, in the order and
    /// with the report so far exactly as the finder reads it.
    /// </summary>
    public Action<ProposedPosition, IReadOnlyList<double[]>>? Weighed { get; set; }

    /// <summary>The positions with the item each is most likely about; one of a party's kind per item.</summary>
    public IReadOnlyList<ProposedPosition> Choose(string sentence, string? previousSentence, IReadOnlyList<ProposedPosition> found)
    {
        ArgumentNullException.ThrowIfNull(found);
        if (found.Count == 0 || (_items.Count < 2 && Weighed is null))
        {
            return found;
        }

        var chosen = new List<ProposedPosition>();
        foreach (var position in found)
        {
            var evidence = EvidenceFor(sentence, previousSentence, position);
            Weighed?.Invoke(position, evidence);
            if (_items.Count < 2)
            {
                chosen.Add(position);
                continue;
            }

            var item = _items.Exists(i => i.Item == position.Item) ? _items[Best(_weights, evidence)].Item : position.Item;
            if (!chosen.Exists(p => p.Party == position.Party && p.Kind == position.Kind && p.Item == item))
            {
                chosen.Add(position with { Item = item });
            }
        }

        return chosen;
    }

    /// <summary>
    /// Of stances the rules found a party for but no item (their <see cref="ProposedPosition.Item"/> empty), those whose best
    /// item scores at least <see cref="PlaceAbove"/>, on that item.
    /// </summary>
    public IReadOnlyList<ProposedPosition> Place(string sentence, string? previousSentence, IReadOnlyList<ProposedPosition> unplaced)
    {
        ArgumentNullException.ThrowIfNull(unplaced);
        var placed = new List<ProposedPosition>();
        foreach (var position in unplaced)
        {
            var evidence = EvidenceFor(sentence, previousSentence, position);
            Weighed?.Invoke(position, evidence);
            if (_items.Count == 0)
            {
                continue;
            }

            var best = Best(_weights, evidence);
            if (Score(_weights, evidence[best]) >= PlaceAbove && !placed.Exists(p => p.Party == position.Party && p.Kind == position.Kind && p.Item == _items[best].Item))
            {
                placed.Add(position with { Item = _items[best].Item });
            }
        }

        return placed;
    }

    /// <summary>Remembers what a sentence named and the positions the rules found in it, for the sentences after it.</summary>
    public void Read(string sentence, IReadOnlyList<ProposedPosition> found)
    {
        ArgumentNullException.ThrowIfNull(found);
        var stems = AgendaWords.Stems(sentence ?? "");
        foreach (var item in _items.Where(i => i.Stems.Overlaps(stems)))
        {
            _sentencesNaming[item.Item] = _sentencesNaming.GetValueOrDefault(item.Item) + 1;
        }

        foreach (var position in found)
        {
            _lastItem = position.Item;
            _positionsOn[position.Item] = _positionsOn.GetValueOrDefault(position.Item) + 1;
        }

        _itemBefore = found.Count > 0 ? found[^1].Item : null;
    }

    /// <summary>The candidate whose evidence scores highest under <paramref name="weights"/>; the first of a tie.</summary>
    public static int Best(IReadOnlyList<double> weights, IReadOnlyList<double[]> evidence)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(evidence);
        var best = 0;
        for (var k = 1; k < evidence.Count; k++)
        {
            if (Score(weights, evidence[k]) > Score(weights, evidence[best]))
            {
                best = k;
            }
        }

        return best;
    }

    /// <summary>The weights · the evidence.</summary>
    public static double Score(IReadOnlyList<double> weights, double[] evidence)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(evidence);
        var score = 0.0;
        for (var j = 0; j < evidence.Length; j++)
        {
            score += weights[j] * evidence[j];
        }

        return score;
    }

    private static HashSet<string> Prefixes(IEnumerable<string> stems) =>
        [.. stems.Select(stem => stem.Length > 4 ? stem[..4] : stem)];
}
