using Npgsql;
using Xunit;

namespace TalksTracker.Testing;

/// <summary>
/// The PostgreSQL server the tests use: <c>TALKSTRACKER_POSTGRES</c>, a connection string to a
/// maintenance database of a throwaway server (tests/run.sh starts one with tests/postgres.sh). Each
/// fixture makes its own database in it and drops it afterwards. Without the variable the PostgreSQL
/// variants are skipped with a reason that says how to run them (plain <c>dotnet test</c>); tests/run.sh
/// always starts a server and counts a skipped test as a failure, so CI never passes without them.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "TALKSTRACKER_POSTGRES";

    /// <summary>Why the PostgreSQL variants cannot run here, or null when a server is named.</summary>
    public static string? Unavailable =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 }
            ? null
            : $"No PostgreSQL server: {Variable} is not set. `bash tests/run.sh` starts a throwaway one (tests/postgres.sh) and runs these too.";

    /// <summary>Skips the calling test when no server is named.</summary>
    public static void SkipUnlessAvailable()
    {
        if (Unavailable is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    /// <summary>The fixture, or a skip of the test that asks for it when the fixture could not be made for want of a server.</summary>
    public static T OrSkip<T>(this T fixture) where T : INeedPostgres
    {
        if (fixture.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        return fixture;
    }

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set, so the PostgreSQL variants of the tests cannot run. Run `bash tests/run.sh` "
                + $"(it starts a throwaway server), or `bash tests/postgres.sh -- dotnet test ...`, or set {Variable} "
                + "to a connection string of a server where the tests may create and drop databases.");

    /// <summary>Creates an empty database with a fresh name and returns a connection string to it.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix = "talkstracker_test")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing whatever connections are left.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A fixture that may need the tests' PostgreSQL server; <see cref="SkipReason"/> says why it could not be made.</summary>
public interface INeedPostgres
{
    string? SkipReason { get; }
}
