using System.Reflection;
using System.Reflection.Emit;

namespace TalksTracker.Data.Tests.Model;

/// <summary>
/// A migration says once and for all what it does: it may use EF's migration builder and the framework, never the
/// product's own code (a class whose SQL changes later would change what an old migration does to a database). Read
/// from the compiled migrations, so every call, field, type and constant they use is seen, however it is written.
/// </summary>
public sealed class FrozenMigrationsTests
{
    private static readonly Assembly[] Product =
    [
        typeof(TalksTrackerDbContext).Assembly,
        typeof(TalksTracker.Domain.Claim).Assembly,
        Assembly.Load("TalksTracker.Data.Postgres"),
    ];

    [Fact]
    public void No_migration_uses_the_products_code_outside_the_migrations()
    {
        var migrations = Product.SelectMany(a => a.GetTypes()).Where(IsMigrationCode).ToList();

        var offences = migrations
            .SelectMany(type => type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Cast<MethodBase>()
                .Concat(type.GetConstructors(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
                .SelectMany(method => Uses(method).Where(IsProductCodeOutsideMigrations).Select(used => $"{type.Name}.{method.Name} uses {(used as Type ?? used.DeclaringType)!.Name}.{used.Name}")))
            .Distinct()
            .ToList();

        Assert.True(migrations.Count(t => t.BaseType == typeof(Microsoft.EntityFrameworkCore.Migrations.Migration)) >= 16, "Too few migrations found: is the scan looking in the right place?");
        Assert.True(offences.Count == 0, "Migrations must not use the product's code; inline the SQL as it runs today:\n" + string.Join('\n', offences));
    }

    [Fact]
    public void The_scan_sees_a_use_of_the_products_code()
    {
        var uses = Uses(typeof(FrozenMigrationsTests).GetMethod(nameof(UsesProductCode), BindingFlags.NonPublic | BindingFlags.Static)!).ToList();

        var rebuild = Assert.Single(uses, m => m.DeclaringType == typeof(Derived.DerivedFigures) && m.Name == nameof(Derived.DerivedFigures.RebuildAllSql));
        Assert.True(IsProductCodeOutsideMigrations(rebuild));
    }

    private static int UsesProductCode() => Derived.DerivedFigures.RebuildAllSql(DatabaseProvider.Postgres).Count;

    private static bool IsMigrationCode(Type type)
    {
        var outer = type;
        while (outer.DeclaringType is not null)
        {
            outer = outer.DeclaringType;
        }

        return outer.Namespace?.EndsWith(".Migrations", StringComparison.Ordinal) == true;
    }

    private static bool IsProductCodeOutsideMigrations(MemberInfo member)
    {
        var type = member as Type ?? member.DeclaringType;
        // Compiler-made types (anonymous column sets, closures) belong to the code that made them.
        return type is not null && Product.Contains(type.Assembly) && !IsMigrationCode(type) && !type.Name.StartsWith('<');
    }

    /// <summary>Every method, field and type a method's IL refers to.</summary>
    private static IEnumerable<MemberInfo> Uses(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var generics = (method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null, method.IsGenericMethod ? method.GetGenericArguments() : null);
        for (var i = 0; i < il.Length;)
        {
            var code = il[i] == 0xFE ? TwoByte[il[i + 1]] : OneByte[il[i]];
            i += il[i] == 0xFE ? 2 : 1;
            switch (code.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), generics.Item1, generics.Item2);
                    if (member is not null)
                    {
                        yield return member;
                    }

                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + 4 * BitConverter.ToInt32(il, i);
                    break;
                default:
                    i += code.OperandType switch
                    {
                        OperandType.InlineNone => 0,
                        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                        OperandType.InlineVar => 2,
                        OperandType.InlineI8 or OperandType.InlineR => 8,
                        _ => 4,
                    };
                    break;
            }
        }
    }

    private static readonly OpCode[] OneByte = OpCodesBy(b => b < 0x100);
    private static readonly OpCode[] TwoByte = OpCodesBy(b => b >= 0xFE00);

    private static OpCode[] OpCodesBy(Func<int, bool> keep)
    {
        var table = new OpCode[0x100];
        foreach (var code in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (OpCode)f.GetValue(null)!))
        {
            var value = (ushort)code.Value;
            if (keep(value))
            {
                table[value & 0xFF] = code;
            }
        }

        return table;
    }
}
