using System.Globalization;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Archive.SharePoint;

/// <summary>Visits for the SharePoint-only tests: whole seconds, Shanghai time, a next action when asked for.</summary>
static class SampleVisits
{
    public const string Shanghai = "Asia/Shanghai";

    public static Visit To(string customerNumber, DateTimeOffset at, string? rep = null, string? submission = null, DateOnly? followUpOn = null,
        string customerName = "Huadong Precision") => new()
    {
        Id = Guid.NewGuid().ToString("D"),
        SubmissionId = submission ?? Guid.NewGuid().ToString("D"),
        CustomerNumber = customerNumber,
        CustomerName = customerName,
        RepAadObjectId = rep ?? Demo.LiNa.AadObjectId,
        Purpose = VisitPurpose.Negotiation,
        Method = VisitMethod.OnSite,
        Time = at,
        TimeZoneId = Shanghai,
        ContactPerson = "王经理",
        Notes = "谈了价格",
        Result = VisitResult.Successful,
        NextAction = followUpOn is null ? null : "Send the quote",
        NextActionDate = followUpOn,
        CreatedAt = at,
    };

    public static Visit To(Customer customer, string at, string? rep = null, string? submission = null, DateOnly? followUpOn = null) =>
        To(customer.Number, At(at), rep, submission, followUpOn, customer.Name);

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    public static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);
}
