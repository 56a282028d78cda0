using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace TalksTracker.Web.Components.Pages.Corrections;

/// <summary>
/// What the catalog's dialogs share, for creating a record or correcting one: the problems of the last attempt shown
/// beside their fields, a busy flag so a double click saves once, and closing or cancelling the dialog.
/// </summary>
public abstract class FieldProblemsDialog : ComponentBase
{
    private Dictionary<string, string[]> _errors = [];

    [CascadingParameter] protected IMudDialogInstance Dialog { get; set; } = default!;

    protected bool Busy { get; set; }

    protected string? ErrorFor(string field) => _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    protected bool HasError(string field) => _errors.ContainsKey(field);

    /// <summary>A problem found before asking the service (a number that does not parse), shown beside its field.</summary>
    protected void SetError(string field, string message) => _errors[field] = [message];

    protected void SetErrors(IReadOnlyDictionary<string, string[]> errors) => _errors = errors.ToDictionary();

    protected void RemoveError(string field) => _errors.Remove(field);

    protected void ClearErrors() => _errors = [];

    /// <summary>The problems not shown beside a field of this dialog (a stale version, a record gone), for a note above them.</summary>
    protected string? ProblemsBesides(params string[] fields) =>
        _errors.Where(e => !fields.Contains(e.Key)).SelectMany(e => e.Value).ToList() is { Count: > 0 } rest ? string.Join(" ", rest) : null;

    protected void Cancel() => Dialog.Cancel();
}
