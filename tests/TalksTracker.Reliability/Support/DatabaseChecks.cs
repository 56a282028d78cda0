using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TalksTracker.Data;
using TalksTracker.Domain.Extraction;
using TalksTracker.Testing;

namespace TalksTracker.Reliability.Support;

/// <summary>
/// The invariants a database must keep whatever moment a process died at. The queries quote their names, so they
/// read the same on SQLite and PostgreSQL (where EF makes Pascal-case, quoted tables); the checks of the storage
/// itself (<see cref="AssertSound"/>, <see cref="AssertSearchIndexAgrees"/>) are SQLite's own and take a SQLite
/// connection.
/// </summary>
public static class DatabaseChecks
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Expected = new();

    /// <summary>The "Reference N-…" marker every generated report ends with, for every report stored.</summary>
    public static HashSet<string> References(DbConnection connection) =>
        Column(connection, """SELECT "Text" FROM "Reports" """, r => Reference(r.GetString(0))).OfType<string>().ToHashSet();

    public static string? Reference(string text)
    {
        var at = text.LastIndexOf("Reference ", StringComparison.Ordinal);
        return at < 0 ? null : text[at..].TrimEnd();
    }

    public static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>A connection of its own to a PostgreSQL database (not pooled: a check never holds a connection another test needs).</summary>
    public static NpgsqlConnection OpenPostgres(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>A connection to the database of <paramref name="app"/>, whichever engine it runs on.</summary>
    public static DbConnection Open(TalksTrackerAppFactory app) =>
        app.Provider == DatabaseProvider.Postgres ? OpenPostgres(app.PostgresConnectionString!) : Open(app.DatabasePath);

    /// <summary>
    /// The figures the database keeps per meeting and track (and the dated denials) agree with the claims they are
    /// made from (<see cref="DerivedFiguresCheck"/>): a write that died half-way must not leave them out of step.
    /// </summary>
    public static async Task AssertDerivedFiguresAgreeAsync(DatabaseProvider provider, string connectionString, CancellationToken ct)
    {
        var options = new DbContextOptionsBuilder<TalksTrackerDbContext>();
        options.UseTalksTrackerDatabase(provider, connectionString);
        await using var db = new TalksTrackerDbContext(options.Options);
        var problems = await DerivedFiguresCheck.MismatchesAsync(db, ct);
        Assert.True(problems.Count == 0, $"Derived figures out of step with the claims: {string.Join("; ", problems.Take(5))}");
    }

    public static T Scalar<T>(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static List<T> Column<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>
    /// PRAGMA integrity_check and foreign_key_check: the file is sound. SQLite only: on PostgreSQL the files are the
    /// server's, which a client's death cannot touch, and foreign keys are always enforced.
    /// </summary>
    public static void AssertSound(SqliteConnection connection)
    {
        Assert.Equal("ok", Scalar<string>(connection, "PRAGMA integrity_check;"));
        Assert.Empty(Column(connection, "PRAGMA foreign_key_check;", r => r.GetString(0)));
    }

    /// <summary>
    /// The full-text indexes agree with their tables: FTS5's own integrity check (rank 1 also compares
    /// with the content tables) and one indexed document per row. SQLite only: PostgreSQL's search vectors are
    /// generated columns of the rows themselves, so there is no separate index to fall out of step.
    /// </summary>
    public static void AssertSearchIndexAgrees(SqliteConnection connection)
    {
        foreach (var (index, table) in new[] { ("ClaimSearch", "Claims"), ("ReportSearch", "Reports") })
        {
            using (var check = connection.CreateCommand())
            {
                check.CommandText = $"INSERT INTO {index}({index}, rank) VALUES ('integrity-check', 1);";
                check.ExecuteNonQuery();
            }

            Assert.Equal(Scalar<long>(connection, $"SELECT COUNT(*) FROM {table}"), Scalar<long>(connection, $"SELECT COUNT(*) FROM {index}_docsize"));
        }
    }

    /// <summary>
    /// Every report is whole: proposals exactly as extraction makes them from its text (or its given
    /// claims), an audit entry for the report and for each proposal and claim, and no audit entry for
    /// a report, proposal or claim that is not there (a rolled-back intake leaves no trace).
    /// </summary>
    public static void AssertReportsWhole(DbConnection connection, IReadOnlyDictionary<int, int>? claimsExpected = null)
    {
        var reports = Column(connection, """SELECT "Id", "Text" FROM "Reports" """, r => (Id: r.GetInt32(0), Text: r.GetString(1)));
        var proposals = Column(connection, """SELECT "ReportId", COUNT(*) FROM "ClaimProposals" GROUP BY "ReportId" """, r => (r.GetInt32(0), Convert.ToInt32(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)))
            .ToDictionary(x => x.Item1, x => x.Item2);
        var claims = Column(connection, """SELECT "ReportId", COUNT(*) FROM "Claims" GROUP BY "ReportId" """, r => (r.GetInt32(0), Convert.ToInt32(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)))
            .ToDictionary(x => x.Item1, x => x.Item2);
        foreach (var (id, text) in reports)
        {
            var hasClaims = claims.GetValueOrDefault(id);
            if (claimsExpected is not null && claimsExpected.TryGetValue(id, out var expectedClaims))
            {
                Assert.True(expectedClaims == hasClaims, $"Report {id} has {hasClaims} claims; {expectedClaims} were acknowledged.");
            }
            else if (hasClaims == 0)
            {
                var expected = Expected.GetOrAdd(text, t => ClaimExtractor.Extract(t).Claims.Count);
                Assert.True(expected == proposals.GetValueOrDefault(id), $"Report {id} has {proposals.GetValueOrDefault(id)} proposals; its text makes {expected}.");
            }
        }

        // SQLite joins on the integer key (so the primary key serves it); PostgreSQL compares text, which never casts
        // an audit entry's id that is not a number, whatever order the planner evaluates the conditions in.
        var sameId = connection is SqliteConnection ? """t."Id" = CAST(a."EntityId" AS INTEGER)""" : """CAST(t."Id" AS TEXT) = a."EntityId" """;
        foreach (var (type, table) in new[] { ("Report", "Reports"), ("ClaimProposal", "ClaimProposals"), ("Claim", "Claims") })
        {
            var missingAudit = Scalar<long>(connection,
                $"""SELECT COUNT(*) FROM "{table}" t WHERE NOT EXISTS (SELECT 1 FROM "AuditEntries" a WHERE a."EntityType" = '{type}' AND a."EntityId" = CAST(t."Id" AS TEXT) AND a."Action" = 'Created')""");
            Assert.True(missingAudit == 0, $"{missingAudit} {table} row(s) without their audit entry.");
            var orphanAudit = Scalar<long>(connection,
                $"""SELECT COUNT(*) FROM "AuditEntries" a WHERE a."EntityType" = '{type}' AND a."Action" = 'Created' AND NOT EXISTS (SELECT 1 FROM "{table}" t WHERE {sameId})"""
                + """ AND NOT EXISTS (SELECT 1 FROM "AuditEntries" d WHERE d."EntityType" = a."EntityType" AND d."EntityId" = a."EntityId" AND d."Action" = 'Deleted')""");
            Assert.True(orphanAudit == 0, $"{orphanAudit} audit entries for {table} rows that are not there.");
        }
    }
}
