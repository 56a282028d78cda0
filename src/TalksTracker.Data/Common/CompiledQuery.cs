using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace TalksTracker.Data.Common;

/// <summary>
/// A query compiled once per model (<c>EF.CompileAsyncQuery</c>): EF refuses to run a compiled query with another
/// model than the first it ran with, and one process can hold both engines' (the tests, <c>migrate-data</c>).
/// </summary>
internal sealed class CompiledQuery<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = new();

    public TQuery For(DbContext db) => _byModel.GetValue(db.Model, _ => compile());
}
