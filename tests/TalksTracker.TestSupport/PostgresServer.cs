using Npgsql;

namespace TalksTracker.Testing;

/// <summary>
/// The PostgreSQL server the tests use: <c>TALKSTRACKER_POSTGRES</c>, a connection string to a
/// maintenance database of a throwaway server (tests/run.sh starts one with tests/postgres.sh). Each
/// fixture makes its own database in it and drops it afterwards. Without the variable the PostgreSQL
/// tests fail with a message that says how to run them; they never pass without a server.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "TALKSTRACKER_POSTGRES";

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
