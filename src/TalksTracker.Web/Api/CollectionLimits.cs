using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace TalksTracker.Web.Api;

/// <summary>
/// Every list in an API request is bounded before the request is handled: a body of 100,000 aliases or ids is refused
/// at once (400, naming the list) instead of being compared, looked up or saved item by item. Binding itself is bounded
/// by the body size limit; the walk here covers the request records of this product (their properties, nested lists
/// and records within them; records, so never a service a handler is given), so a new request type is covered without being listed.
/// </summary>
public static class CollectionLimits
{
    /// <summary>The most items any one list in a request may hold (a report's claims, a meeting's participants, ids…).</summary>
    public const int MaxItems = 2_000;

    private const int MaxDepth = 6;

    public static RouteGroupBuilder BoundCollections(this RouteGroupBuilder api)
    {
        api.AddEndpointFilter(async (context, next) =>
        {
            var problems = new Dictionary<string, string[]>();
            foreach (var argument in context.Arguments)
            {
                if (argument is not null && PropertiesOf(argument.GetType()) is { } properties)
                {
                    Check(argument, properties, "", 0, problems);
                }
            }

            return problems.Count == 0 ? await next(context) : ApiEndpoints.Invalid(problems);
        });
        return api;
    }

    private static void Check(object value, PropertyInfo[] properties, string path, int depth, Dictionary<string, string[]> problems)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        foreach (var property in properties)
        {
            var field = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            switch (property.GetValue(value))
            {
                case ICollection collection when collection.Count > MaxItems:
                    problems[field] = [$"At most {MaxItems:N0} items ({collection.Count:N0} given); nothing was stored."];
                    break;
                case IEnumerable items and not string:
                    var index = 0;
                    foreach (var item in items)
                    {
                        if (item is not null && PropertiesOf(item.GetType()) is { } itemProperties)
                        {
                            Check(item, itemProperties, $"{field}[{index}]", depth + 1, problems);
                        }

                        index++;
                    }

                    break;
                case { } nested when PropertiesOf(nested.GetType()) is { } nestedProperties:
                    Check(nested, nestedProperties, field, depth + 1, problems);
                    break;
            }
        }
    }

    // Worked out once per type: every API request passes through the filter.
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]?> Walkable = new();

    /// <summary>
    /// The properties to walk of a product request record (a record has a compiler-made <c>&lt;Clone&gt;$</c>); null for
    /// anything else, such as the services a handler is given.
    /// </summary>
    private static PropertyInfo[]? PropertiesOf(Type type) => Walkable.GetOrAdd(type, static t =>
        t.Namespace?.StartsWith("TalksTracker", StringComparison.Ordinal) == true && t.GetMethod("<Clone>$") is not null
            ? t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.PropertyType != typeof(string)).ToArray()
            : null);
}
