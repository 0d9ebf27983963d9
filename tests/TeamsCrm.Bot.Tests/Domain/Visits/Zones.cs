using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Tests.Domain.Visits;

/// <summary>Zones and a visit builder shared by the visit tests: fixed instants only, never the real clock.</summary>
static class Zones
{
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    public static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
    public static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static TimeZoneInfo Get(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    /// <summary>"2026-11-18T09:30:00+08:00" → the instant.</summary>
    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}

static class Sample
{
    public const string Rita = "rep-rita";
    public const string Tom = "rep-tom";

    public static Visit Visit(string customer = "C-2026-00001", string at = "2026-11-18T10:00:00+08:00",
        string zone = "Asia/Shanghai", string rep = Rita, VisitResult result = VisitResult.Successful,
        UnsuccessfulReason? reason = null) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        CustomerNumber = customer,
        RepAadObjectId = rep,
        CustomerType = CustomerCategory.Regular,
        Purpose = VisitPurpose.Negotiation,
        Method = VisitMethod.OnSite,
        Time = Zones.At(at),
        TimeZoneId = zone,
        ContactPerson = "王经理",
        Notes = "谈了价格",
        Result = result,
        Reason = reason,
        SubmissionId = Guid.NewGuid().ToString("N"),
        CreatedAt = Zones.At(at),
    };
}
