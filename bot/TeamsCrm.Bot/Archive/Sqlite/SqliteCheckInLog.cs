using Microsoft.Data.Sqlite;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Archive.Sqlite;

/// <summary>Check-ins in SQLite: one row each, the id its key; coordinates kept as their invariant text, so they come back exactly.</summary>
sealed class SqliteCheckInLog(SqliteDatabase db) : ICheckInLog
{
    const string Select = """
        SELECT id, rep_aad_object_id, customer_number, local_date, time_zone, at, latitude, longitude, accuracy, distance, flagged, out_at
        FROM check_ins
        """;

    public async Task<CheckIn> AddOnceAsync(CheckIn checkIn, CancellationToken ct = default)
    {
        await using var write = await db.BeginWriteAsync(ct);
        var c = write.Connection;
        await Sql.ExecAsync(c, """
            INSERT INTO check_ins (id, rep_aad_object_id, customer_number, local_date, time_zone, at, latitude, longitude, accuracy, distance, flagged)
            VALUES ($id, $rep, $customer, $day, $zone, $at, $lat, $lon, $accuracy, $distance, $flagged)
            ON CONFLICT(id) DO NOTHING
            """, ct, ("$id", checkIn.Id), ("$rep", checkIn.RepAadObjectId), ("$customer", checkIn.CustomerNumber), ("$day", Sql.Iso(checkIn.Day)),
            ("$zone", checkIn.TimeZoneId), ("$at", Sql.Iso(Seconds(checkIn.At))), ("$lat", Number(checkIn.Point.Latitude)),
            ("$lon", Number(checkIn.Point.Longitude)), ("$accuracy", Number(checkIn.AccuracyMeters)), ("$distance", Number(checkIn.DistanceMeters)),
            ("$flagged", checkIn.Flagged ? 1 : 0));
        var stored = (await ReadAsync(c, "id = $id", ct, ("$id", checkIn.Id))).Single();
        await write.CommitAsync(ct);
        return stored;
    }

    public async Task<CheckIn?> GetAsync(string id, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return (await ReadAsync(c, "id = $id", ct, ("$id", id))).SingleOrDefault();
    }

    public async Task<CheckIn?> CheckOutAsync(string id, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var write = await db.BeginWriteAsync(ct);
        var c = write.Connection;
        await Sql.ExecAsync(c, "UPDATE check_ins SET out_at = $at WHERE id = $id AND out_at IS NULL", ct, ("$id", id), ("$at", Sql.Iso(Seconds(at))));
        var stored = (await ReadAsync(c, "id = $id", ct, ("$id", id))).SingleOrDefault();
        await write.CommitAsync(ct);
        return stored;
    }

    public async Task<IReadOnlyList<CheckIn>> ForDayAsync(IReadOnlyCollection<string> repAadObjectIds, DateOnly day, CancellationToken ct = default)
    {
        if (repAadObjectIds.Count == 0) return [];
        var reps = repAadObjectIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        await using var c = db.Open();
        return [.. (await ReadAsync(c, "local_date = $day ORDER BY at, id", ct, ("$day", Sql.Iso(day)))).Where(x => reps.Contains(x.RepAadObjectId))];
    }

    public async Task<IReadOnlyList<CheckIn>> ForCustomerAsync(string customerNumber, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return await ReadAsync(c, "customer_number = $number ORDER BY at, id", ct, ("$number", customerNumber));
    }

    static Task<List<CheckIn>> ReadAsync(SqliteConnection c, string where, CancellationToken ct, params (string, object?)[] args) =>
        Sql.ListAsync(c, $"{Select} WHERE {where}", Read, ct, args);

    static CheckIn Read(SqliteDataReader r) => new()
    {
        Id = r.Text("id"), RepAadObjectId = r.Text("rep_aad_object_id"), CustomerNumber = r.Text("customer_number"), Day = r.Date("local_date"),
        TimeZoneId = r.Text("time_zone"), At = r.Time("at"),
        Point = new GeoPoint(Parse(r.Text("latitude"))!.Value, Parse(r.Text("longitude"))!.Value),
        AccuracyMeters = Parse(r.TextOrNull("accuracy")), DistanceMeters = Parse(r.TextOrNull("distance")), Flagged = r.Integer("flagged") != 0,
        OutAt = r.TimeOrNull("out_at"),
    };

    /// <summary>Whole seconds, as the SharePoint store keeps times (the contract is the same for both).</summary>
    static DateTimeOffset Seconds(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    static string? Number(double? value) => CheckInValues.Number(value);

    static double? Parse(string? text) => CheckInValues.Parse(text);
}
