namespace TalksTracker.Data.Common;

/// <summary>
/// The result of a change a person or a script asked for: the new value, or the problems with
/// the request, keyed by the field they concern (shown beside it, or as problem details).
/// </summary>
public sealed record Outcome<T>(T? Value, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static Outcome<T> Success(T value) => new(value, new Dictionary<string, string[]>());

    public static Outcome<T> Failure(string field, string message) =>
        new(default, new Dictionary<string, string[]> { [field] = [message] });

    public static Outcome<T> Failure(IReadOnlyDictionary<string, string[]> errors) => new(default, errors);
}

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
