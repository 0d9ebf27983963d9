using System.Globalization;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Features.CheckIns;

/// <summary>How a check-in reads: on the page after it is stored, on the visit report and in the team's day.</summary>
public static class CheckInText
{
    /// <summary>"Checked in at 09:31, 40 m from the customer." / "… 3.0 km … marked" / "Checked out at 10:16: 45 min on site."</summary>
    public static string Said(CultureInfo c, CheckIn checkIn, TimeZoneInfo zone)
    {
        var at = Clock(checkIn.At, zone);
        if (checkIn.OutAt is { } left) return T.Get(c, "checkIn.checkedOut", Clock(left, zone), (int)Math.Round(checkIn.OnSite!.Value.TotalMinutes));
        var where = checkIn.DistanceMeters is { } d ? T.Get(c, "checkIn.distance", Distance(d)) : T.Get(c, "checkIn.first");
        return T.Get(c, checkIn.Flagged ? "checkIn.storedFlagged" : "checkIn.stored", at, where);
    }

    /// <summary>40 m, 3.0 km.</summary>
    public static string Distance(double meters) => meters < 1_000
        ? Math.Round(meters).ToString("0", CultureInfo.InvariantCulture) + " m"
        : (meters / 1_000).ToString("0.0", CultureInfo.InvariantCulture) + " km";

    static string Clock(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).ToString("HH:mm", CultureInfo.InvariantCulture);
}
