namespace TalksTracker.Domain.Extraction;

public enum GazetteerEntryKind
{
    Actor,
    Venue,
    AgendaTopic,
}

/// <summary>A known actor, venue or agenda topic and the names the press uses for it.</summary>
public sealed record GazetteerEntry(string Id, GazetteerEntryKind Kind, string Name, IReadOnlyList<string> Aliases)
{
    public GazetteerEntry(string id, GazetteerEntryKind kind, string name, params string[] aliases)
        : this(id, kind, name, (IReadOnlyList<string>)aliases)
    {
    }
}

/// <summary>
/// The names to look for, indexed by their first word so matching a sentence costs one lookup per
/// word. Matching ignores case, except for short all-capital aliases ("US", "UN") that would
/// otherwise match ordinary words ("us").
/// </summary>
public sealed class Gazetteer
{
    private readonly Dictionary<string, List<Name>> _byFirstWord = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<Name>>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public Gazetteer(IEnumerable<GazetteerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _lookup = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        var list = new List<GazetteerEntry>();
        foreach (var entry in entries)
        {
            list.Add(entry);
            foreach (var name in entry.Aliases.Prepend(entry.Name))
            {
                Add(name, entry);
            }
        }

        Entries = list;
        foreach (var names in _byFirstWord.Values)
        {
            // Longest first, so "Syrian Arab Army" wins over "Syrian".
            names.Sort((a, b) => b.Text.Length.CompareTo(a.Text.Length));
        }
    }

    public IReadOnlyList<GazetteerEntry> Entries { get; }

    internal IReadOnlyList<Name>? Candidates(ReadOnlySpan<char> firstWord) =>
        _lookup.TryGetValue(firstWord, out var names) ? names : null;

    private void Add(string? name, GazetteerEntry entry)
    {
        var text = name?.Trim();
        if (string.IsNullOrEmpty(text) || !Tokenizer.IsWordStart(text, 0))
        {
            return;
        }

        var firstWord = FirstWord(text);
        if (!_byFirstWord.TryGetValue(firstWord, out var names))
        {
            names = [];
            _byFirstWord[firstWord] = names;
        }

        var caseSensitive = text.Length <= 3 && text.All(char.IsUpper);
        if (!names.Exists(n => string.Equals(n.Text, text, StringComparison.OrdinalIgnoreCase) && n.Entry == entry))
        {
            names.Add(new Name(text, entry, caseSensitive));
        }
    }

    internal static string FirstWord(string text)
    {
        var i = 0;
        while (i < text.Length && Tokenizer.IsWordChar(text, i))
        {
            i += char.IsSurrogatePair(text, i) ? 2 : 1;
        }

        return text[..i];
    }

    internal sealed record Name(string Text, GazetteerEntry Entry, bool CaseSensitive);
}
