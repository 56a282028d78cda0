using Microsoft.AspNetCore.Components;
using MudBlazor;
using TalksTracker.Data.Editing;
using TalksTracker.Web.Components.Pages.Corrections;
using TalksTracker.Web.Extensions;

namespace TalksTracker.Web.Components.Pages.Intake.Catalog;

/// <summary>A record an editor created, or an existing one they chose instead of a duplicate.</summary>
public sealed record CatalogPick(CatalogRecord Record, bool Created);

/// <summary>
/// What the review's "new meeting / venue / actor / agenda item" dialogs share: problems shown beside
/// their fields, the existing record offered when a name is taken, and closing with the record to link.
/// The record is saved the moment the editor creates it, on its own, not with the review.
/// </summary>
public abstract class CatalogDialogBase : FieldProblemsDialog
{
    [Inject] protected CatalogService Catalog { get; set; } = default!;

    /// <summary>The record whose name the new one would take, offered instead.</summary>
    protected CatalogRecord? Existing { get; private set; }

    /// <summary>The field whose name the existing record has (Name, Aliases, Title): the offer shows beside it.</summary>
    protected string? ExistingField { get; private set; }

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

            SetErrors(outcome.Errors);
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
            RemoveError(field);
        }

        Existing = match?.Record;
        ExistingField = match?.Field;
        if (match is not null)
        {
            SetError(match.Field, match.Message);
        }
    }

    protected void UseExisting()
    {
        if (Existing is { } existing)
        {
            Dialog.Close(DialogResult.Ok(new CatalogPick(existing, Created: false)));
        }
    }
}
