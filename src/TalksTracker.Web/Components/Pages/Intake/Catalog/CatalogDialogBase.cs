using Microsoft.AspNetCore.Components;
using MudBlazor;
using TalksTracker.Data.Editing;
using TalksTracker.Web.Extensions;

namespace TalksTracker.Web.Components.Pages.Intake.Catalog;

/// <summary>A record an editor created, or an existing one they chose instead of a duplicate.</summary>
public sealed record CatalogPick(CatalogRecord Record, bool Created);

/// <summary>
/// What the review's "new meeting / venue / actor / agenda item" dialogs share: problems shown beside
/// their fields, the existing record offered when a name is taken, and closing with the record to link.
/// The record is saved the moment the editor creates it, on its own, not with the review.
/// </summary>
public abstract class CatalogDialogBase : ComponentBase
{
    private Dictionary<string, string[]> _errors = [];

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] protected CatalogService Catalog { get; set; } = default!;

    /// <summary>The record whose name the new one would take, offered instead.</summary>
    protected CatalogRecord? Existing { get; private set; }

    /// <summary>The field whose name the existing record has (Name, Aliases, Title): the offer shows beside it.</summary>
    protected string? ExistingField { get; private set; }

    protected bool Busy { get; private set; }

    protected string? ErrorFor(string field) => _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    protected bool HasError(string field) => _errors.ContainsKey(field);

    /// <summary>A problem found before asking the catalog (a number that does not parse), shown beside its field.</summary>
    protected void SetError(string field, string message) => _errors[field] = [message];

    protected void ClearErrors() => _errors = [];

    /// <summary>Creates the record: the dialog closes with it, or stays open with each problem beside its field.</summary>
    protected async Task CreateAsync(Func<Task<CatalogOutcome>> create)
    {
        if (Busy)
        {
            return;
        }

        Busy = true;
        try
        {
            var outcome = await create();
            if (outcome.Created is { } created)
            {
                Dialog.Close(DialogResult.Ok(new CatalogPick(created, Created: true)));
                return;
            }

            _errors = outcome.Errors.ToDictionary();
            Existing = outcome.Existing;
            ExistingField = outcome.Duplicate?.Field;
        }
        finally
        {
            Busy = false;
        }
    }

    /// <summary>Says as soon as a name field is left whether the name is taken, before the rest is filled in.</summary>
    protected async Task CheckNameAsync(Func<Task<CatalogMatch?>> find, params string[] fields)
    {
        var match = await find();
        foreach (var field in fields)
        {
            _errors.Remove(field);
        }

        Existing = match?.Record;
        ExistingField = match?.Field;
        if (match is not null)
        {
            _errors[match.Field] = [match.Message];
        }
    }

    protected void UseExisting()
    {
        if (Existing is { } existing)
        {
            Dialog.Close(DialogResult.Ok(new CatalogPick(existing, Created: false)));
        }
    }

    protected void Cancel() => Dialog.Cancel();
}
