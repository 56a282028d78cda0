using TalksTracker.Data.Editing;

namespace TalksTracker.Web.Components.Pages.Corrections;

/// <summary>
/// The problems a correction was refused with, keyed by field and shown beside each; the conflict (someone else saved
/// the record since it was opened) and a missing record are shown above the form.
/// </summary>
public sealed class FieldErrors
{
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();

    public string? For(string field) => _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>What is shown above the form: the conflict, or that the record is gone.</summary>
    public string? General => For(Conflicts.Field) ?? For(Edits.Missing);

    public bool IsConflict => _errors.ContainsKey(Conflicts.Field);

    public void Set(IReadOnlyDictionary<string, string[]> errors) => _errors = errors;

    public void Set(string field, string message) => _errors = new Dictionary<string, string[]> { [field] = [message] };

    public void Clear() => _errors = new Dictionary<string, string[]>();
}
