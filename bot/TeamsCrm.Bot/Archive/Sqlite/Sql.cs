using System.Globalization;
using Microsoft.Data.Sqlite;

namespace TeamsCrm.Bot.Archive.Sqlite;

/// <summary>
/// Commands and the stored forms of values. Times are ISO-8601 UTC text with seven fraction digits (fixed
/// width, so text order is time order); dates yyyy-MM-dd; money invariant-culture text, because a REAL
/// column would lose cents; enums their names, so that reordering members never changes stored meaning.
/// </summary>
static class Sql
{
    public static SqliteCommand Command(SqliteConnection c, string sql, params (string Name, object? Value)[] args)
    {
        var cmd = c.CreateCommand();   // takes the connection's open transaction, if any
        cmd.CommandText = sql;
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    public static async Task<int> ExecAsync(SqliteConnection c, string sql, CancellationToken ct, params (string Name, object? Value)[] args)
    {
        await using var cmd = Command(c, sql, args);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task<object?> ScalarAsync(SqliteConnection c, string sql, CancellationToken ct, params (string Name, object? Value)[] args)
    {
        await using var cmd = Command(c, sql, args);
        return await cmd.ExecuteScalarAsync(ct);
    }

    public static async Task<List<T>> ListAsync<T>(SqliteConnection c, string sql, Func<SqliteDataReader, T> read, CancellationToken ct,
        params (string Name, object? Value)[] args)
    {
        await using var cmd = Command(c, sql, args);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await r.ReadAsync(ct)) rows.Add(read(r));
        return rows;
    }

    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
    public static string? Iso(DateTimeOffset? t) => t is { } value ? Iso(value) : null;
    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string? Money(decimal? m) => m?.ToString(CultureInfo.InvariantCulture);

    public static string Text(this SqliteDataReader r, string column) => r.GetString(r.GetOrdinal(column));

    public static string? TextOrNull(this SqliteDataReader r, string column)
    {
        var i = r.GetOrdinal(column);
        return r.IsDBNull(i) ? null : r.GetString(i);
    }

    public static long Integer(this SqliteDataReader r, string column) => r.GetInt64(r.GetOrdinal(column));

    public static DateTimeOffset Time(this SqliteDataReader r, string column) => ParseTime(r.Text(column));

    public static DateTimeOffset? TimeOrNull(this SqliteDataReader r, string column) =>
        r.TextOrNull(column) is { } text ? ParseTime(text) : null;

    public static DateOnly Date(this SqliteDataReader r, string column) =>
        DateOnly.ParseExact(r.Text(column), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static decimal? MoneyOrNull(this SqliteDataReader r, string column) =>
        r.TextOrNull(column) is { } text ? decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture) : null;

    public static TEnum EnumOf<TEnum>(this SqliteDataReader r, string column) where TEnum : struct, Enum =>
        Enum.Parse<TEnum>(r.Text(column));

    static DateTimeOffset ParseTime(string text) =>
        new(DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).ToUniversalTime());
}
