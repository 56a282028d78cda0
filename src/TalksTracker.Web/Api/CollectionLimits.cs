using System.Collections;
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
                if (argument is not null && IsRequestType(argument.GetType()))
                {
                    Check(argument, "", 0, problems);
                }
            }

            return problems.Count == 0 ? await next(context) : ApiEndpoints.Invalid(problems);
        });
        return api;
    }

    /// <summary>The fields of <paramref name="request"/> holding more than <see cref="MaxItems"/> items, with a message each.</summary>
    public static IReadOnlyDictionary<string, string[]> Problems(object request)
    {
        var problems = new Dictionary<string, string[]>();
        Check(request, "", 0, problems);
        return problems;
    }

    private static void Check(object value, string path, int depth, Dictionary<string, string[]> problems)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.PropertyType == typeof(string))
            {
                continue;
            }

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
                        if (item is not null && IsRequestType(item.GetType()))
                        {
                            Check(item, $"{field}[{index}]", depth + 1, problems);
                        }

                        index++;
                    }

                    break;
                case { } nested when IsRequestType(nested.GetType()):
                    Check(nested, field, depth + 1, problems);
                    break;
            }
        }
    }

    // The product's request records (a record has a compiler-made <Clone>$), not the services handlers are given.
    private static bool IsRequestType(Type type) =>
        type.Namespace?.StartsWith("TalksTracker", StringComparison.Ordinal) == true && type.GetMethod("<Clone>$") is not null;
}
