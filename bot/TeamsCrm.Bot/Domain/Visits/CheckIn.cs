namespace TeamsCrm.Bot.Domain.Visits;

/// <summary>A place as a device reports it: WGS 84 degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    /// <summary>The Earth's mean radius in metres (IUGG).</summary>
    const double EarthRadius = 6_371_008.8;

    /// <summary>"31.2989, 120.5853" (a comma, a Chinese comma or a space between, as maps copy them): latitude first.</summary>
    public static bool TryParse(string? text, out GeoPoint point)
    {
        point = default;
        var parts = text?.Split([',', '，', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        if (parts.Length != 2
            || !double.TryParse(parts[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var lat)
            || !double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var lon)) return false;
        point = new GeoPoint(lat, lon);
        return point.IsValid;
    }

    /// <summary>As a file keeps it: six decimals (about 10 cm), latitude first.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Latitude:0.000000}, {Longitude:0.000000}");

    public bool IsValid => double.IsFinite(Latitude) && double.IsFinite(Longitude) && Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180;

    /// <summary>
    /// The great-circle distance (haversine): within a few metres of the ellipsoid's at the distances that matter here, a
    /// customer's door to a few kilometres; a device's own accuracy is rarely better than 5 m.
    /// </summary>
    public double MetersTo(GeoPoint other)
    {
        static double Rad(double degrees) => degrees * Math.PI / 180;
        var dLat = Rad(other.Latitude - Latitude);
        var dLon = Rad(other.Longitude - Longitude);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Rad(Latitude)) * Math.Cos(Rad(other.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadius * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}

/// <summary>
/// A rep at a customer's site (签到): where and when they checked in, how exact their device said it was, how far that is
/// from the customer's location (when it has one), and when they left (签退). Known by the check-in page's submission id,
/// so the same check-in sent twice is stored once. <see cref="Day"/> is the rep's local day, as visits count days.
/// </summary>
public sealed record CheckIn
{
    public required string Id { get; init; }
    public required string RepAadObjectId { get; init; }
    public required string CustomerNumber { get; init; }
    public required DateOnly Day { get; init; }
    public required string TimeZoneId { get; init; }
    public required DateTimeOffset At { get; init; }
    public required GeoPoint Point { get; init; }
    /// <summary>The radius (m) the device says the true place is within, at 68 % confidence; null when it did not say.</summary>
    public double? AccuracyMeters { get; init; }
    /// <summary>From the customer's location; null for the check-in that gives the customer its location, or a customer without one.</summary>
    public double? DistanceMeters { get; init; }
    /// <summary>Farther than the radius from the customer, or less exact than the limit for a sure place: leaders see it marked.</summary>
    public bool Flagged { get; init; }
    public DateTimeOffset? OutAt { get; init; }

    public TimeSpan? OnSite => OutAt - At;
}

/// <summary>What a check-in must be, and when it is flagged.</summary>
public static class CheckInRules
{
    /// <summary>Refused: the device does not know where it is well enough to say anything (a city-wide guess).</summary>
    public static bool IsTooVague(double? accuracy, double maxAccuracy) => accuracy is { } a && (!double.IsFinite(a) || a < 0 || a > maxAccuracy);

    /// <summary>Flagged: farther from the customer than the radius, or not exact enough (or of unknown exactness) to tell.</summary>
    public static bool IsFlagged(double? distance, double? accuracy, double radius, double poorAccuracy) =>
        distance > radius || accuracy is not { } a || a > poorAccuracy;

    /// <summary>
    /// The customer's location: the coordinates typed on its file, else the first check-in by its owner that was exact enough
    /// (not flagged as vague); null until then. Later check-ins, by anyone, are measured against it.
    /// </summary>
    public static GeoPoint? LocationOf(Customer customer, IEnumerable<CheckIn> checkIns, double poorAccuracy) =>
        GeoPoint.TryParse(customer.Coordinates, out var typed) ? typed : checkIns.Where(c => string.Equals(c.RepAadObjectId, customer.OwnerAadObjectId, StringComparison.OrdinalIgnoreCase)
                && c.AccuracyMeters is { } a && a <= poorAccuracy)
            .OrderBy(c => c.At).ThenBy(c => c.Id, StringComparer.Ordinal).Select(c => (GeoPoint?)c.Point).FirstOrDefault();
}
