namespace TalksTracker.Data.Common;

/// <summary>Collects field problems while a request is checked.</summary>
public sealed class ProblemList
{
    private readonly Dictionary<string, List<string>> _problems = [];

    public bool Any => _problems.Count > 0;

    public void Add(string field, string message)
    {
        if (!_problems.TryGetValue(field, out var list))
        {
            _problems[field] = list = [];
        }

        list.Add(message);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => _problems.ToDictionary(p => p.Key, p => p.Value.ToArray());
}
