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
